package io.mynagate.jpki.card;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;

/**
 * {@link CardConnector} and {@link CardReaders} over one {@link TerminalFactory}.
 *
 * <p>It keeps one reader context ({@link CardTerminals}; for PC/SC one {@code SCardEstablishContext})
 * instead of one per call, because contexts are released only when garbage collected and
 * {@code pcscd} limits how many a client holds. When a call on the context fails it is thrown away
 * and the call is made once more on a new one: after {@code pcscd} was stopped or restarted, the old
 * context only ever answers errors.
 *
 * <p>Calls are serialized: PC/SC serializes the calls on one context anyway (a wait for a card holds
 * it), and some providers' {@code CardTerminals} are not thread-safe. That is why
 * {@link CardConnector#create} and {@link CardReaders#create} make separate instances: listing the
 * readers does not wait behind a connector that waits for a card.
 */
final class SmartcardioReaders implements CardConnector, CardReaders {
    private static final System.Logger LOG = System.getLogger(SmartcardioReaders.class.getName());
    /** When no reader is named, how long at most until a card inserted into any reader is noticed. */
    private static final long POLL_MILLIS = 100;

    private final TerminalFactory factory;
    private CardTerminals terminals; // guarded by this; null until first use and after a failure

    SmartcardioReaders(TerminalFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public synchronized List<Reader> list() throws JpkiCardException {
        return onTerminals("listing the readers", SmartcardioReaders::readers);
    }

    @Override
    public synchronized CardSession open(String readerName, Duration timeout) throws JpkiCardException {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        long deadline = System.nanoTime() + saturatedNanos(timeout);
        return onTerminals("connecting to the card", current -> {
            CardTerminal terminal = readerName == null
                    ? firstHoldingCard(current, deadline, timeout)
                    : holdingCard(named(current, readerName), deadline, timeout);
            return connect(terminal);
        });
    }

    private static List<Reader> readers(CardTerminals current) throws CardException {
        List<Reader> readers = new ArrayList<>();
        for (CardTerminal terminal : current.list()) {
            readers.add(new Reader(terminal.getName(), terminal.isCardPresent()));
        }
        return List.copyOf(readers);
    }

    private static CardTerminal named(CardTerminals current, String readerName)
            throws CardException, NoReaderException {
        // Not CardTerminals.getTerminal: it answers null also when the listing fails.
        for (CardTerminal terminal : current.list()) {
            if (terminal.getName().equals(readerName)) {
                return terminal;
            }
        }
        throw new NoReaderException(readerName);
    }

    private static CardTerminal holdingCard(CardTerminal terminal, long deadline, Duration timeout)
            throws CardException, NoCardException {
        while (!terminal.isCardPresent()) {
            long left = millisLeft(deadline);
            if (left <= 0) {
                throw new NoCardException(terminal.getName(), timeout);
            }
            terminal.waitForCardPresent(left);
        }
        return terminal;
    }

    private static CardTerminal firstHoldingCard(CardTerminals current, long deadline, Duration timeout)
            throws CardException, JpkiCardException {
        while (true) {
            List<CardTerminal> all = current.list();
            if (all.isEmpty()) {
                throw new NoReaderException(null);
            }
            for (CardTerminal terminal : all) {
                if (terminal.isCardPresent()) {
                    return terminal;
                }
            }
            long left = millisLeft(deadline);
            if (left <= 0) {
                throw new NoCardException(null, timeout);
            }
            // Bounded, so that a reader plugged in meanwhile (not every provider reports it) is listed too.
            current.waitForChange(Math.min(left, POLL_MILLIS));
        }
    }

    private static CardSession connect(CardTerminal terminal) throws CardException, NoCardException {
        Card card;
        try {
            card = terminal.connect("*");
        } catch (CardException e) {
            if (PcscErrors.saysNoCard(e)) {
                throw new NoCardException(terminal.getName(), e);
            }
            throw e;
        }
        LOG.log(Level.DEBUG, "connected to the card in reader {0}", terminal.getName());
        return new SmartcardioSession(terminal.getName(), card);
    }

    /** Runs {@code call} on the context, and once more on a new context when it fails. */
    private <T> T onTerminals(String step, TerminalsCall<T> call) throws JpkiCardException {
        CardTerminals current = terminals();
        try {
            return call.apply(current);
        } catch (CardException first) {
            terminals = null;
            LOG.log(Level.DEBUG, "{0} failed; trying once more on a new reader context", step);
            try {
                return call.apply(terminals());
            } catch (CardException second) {
                terminals = null;
                if (second != first) {
                    second.addSuppressed(first);
                }
                throw new CardCommunicationException(step, second);
            }
        }
    }

    private CardTerminals terminals() throws CardCommunicationException {
        if (terminals == null) {
            try {
                terminals = factory.terminals();
            } catch (RuntimeException e) {
                // jnasmartcardio reports a missing PC/SC service (SCardEstablishContext failed) unchecked.
                throw new CardCommunicationException("the reader service (PC/SC) is not available", e);
            }
        }
        return terminals;
    }

    private static long saturatedNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2; // about 146 years: as good as forever, and the sum does not overflow
        }
    }

    /** Whole milliseconds left, rounded up: 0 means the deadline passed (and never "wait forever"). */
    private static long millisLeft(long deadline) {
        long nanos = deadline - System.nanoTime();
        return nanos <= 0 ? 0 : (nanos + 999_999) / 1_000_000;
    }

    @FunctionalInterface
    private interface TerminalsCall<T> {
        T apply(CardTerminals terminals) throws CardException, JpkiCardException;
    }
}
