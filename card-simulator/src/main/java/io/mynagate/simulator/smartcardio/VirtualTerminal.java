package io.mynagate.simulator.smartcardio;

import io.mynagate.simulator.card.SimulatedCard;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;

/** One virtual reader as a {@link CardTerminal}. Protocols: {@code *} and {@code T=1}. */
final class VirtualTerminal extends CardTerminal {
    private final VirtualReader reader;

    VirtualTerminal(VirtualReader reader) {
        this.reader = reader;
    }

    VirtualReader reader() {
        return reader;
    }

    @Override
    public String getName() {
        return reader.name();
    }

    @Override
    public Card connect(String protocol) throws CardException {
        if (!"*".equals(protocol) && !"T=1".equals(protocol)) {
            throw new CardException("protocol not supported by the card: " + protocol);
        }
        long insertion;
        SimulatedCard card;
        synchronized (reader) {
            card = reader.card();
            insertion = reader.insertion();
        }
        if (card == null) {
            throw new CardNotPresentException("no card in " + reader.name());
        }
        return new VirtualCard(reader, card, insertion);
    }

    @Override
    public boolean isCardPresent() {
        return reader.present();
    }

    @Override
    public boolean waitForCardPresent(long timeout) throws CardException {
        return await(true, timeout);
    }

    @Override
    public boolean waitForCardAbsent(long timeout) throws CardException {
        return await(false, timeout);
    }

    private boolean await(boolean present, long timeout) throws CardException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        try {
            return reader.awaitState(present, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "VirtualTerminal[" + reader.name() + "]";
    }
}
