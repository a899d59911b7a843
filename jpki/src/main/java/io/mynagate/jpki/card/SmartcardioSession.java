package io.mynagate.jpki.card;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;

/** A {@link CardSession} on a {@code javax.smartcardio} {@link Card}. */
final class SmartcardioSession implements CardSession {
    private static final System.Logger LOG = System.getLogger(SmartcardioSession.class.getName());

    private final String readerName;
    private final Card card;
    private final CardChannel channel;
    private final AtomicBoolean closed = new AtomicBoolean();

    SmartcardioSession(String readerName, Card card) {
        this.readerName = readerName;
        this.card = card;
        this.channel = card.getBasicChannel();
    }

    @Override
    public String readerName() {
        return readerName;
    }

    @Override
    public CardChannel channel() {
        return channel;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            // Reset, not leave: the card forgets the PINs verified in this session (ISO 7816-3 warm reset).
            card.disconnect(true);
        } catch (CardException | IllegalStateException e) {
            LOG.log(Level.DEBUG, "disconnecting from reader {0} failed; the card is probably gone", readerName);
        }
    }

    @Override
    public String toString() {
        return "CardSession[" + readerName + "]";
    }
}
