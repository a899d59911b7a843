package io.mynagate.jpki.card;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.ResponseAPDU;
import javax.smartcardio.TerminalFactory;
import javax.smartcardio.TerminalFactorySpi;

/**
 * A {@code javax.smartcardio} provider whose readers, cards and failures a test sets, so the
 * connector's mapping of reader-layer behaviour can be tested without the simulator (which depends on
 * this module) or pcscd. Each {@link TerminalFactory#terminals()} call is one reader context.
 */
final class FakeReaders {
    static final String TYPE = "FakeReaders";

    private final List<Reader> readers = new ArrayList<>();
    private final AtomicInteger contexts = new AtomicInteger();
    private volatile RuntimeException establishFailure;
    private volatile CardException listFailureOnce;

    /** Adds an empty reader. */
    Reader reader(String name) {
        Reader reader = new Reader(name);
        readers.add(reader);
        return reader;
    }

    /** The next context cannot be established: {@code terminals()} throws, as jnasmartcardio does without pcscd. */
    FakeReaders failToEstablish(RuntimeException failure) {
        this.establishFailure = failure;
        return this;
    }

    /** The next listing fails, as on a context that outlived pcscd. */
    FakeReaders failNextListing(CardException failure) {
        this.listFailureOnce = failure;
        return this;
    }

    /** How many reader contexts were established. */
    int contexts() {
        return contexts.get();
    }

    TerminalFactory factory() throws NoSuchAlgorithmException {
        return TerminalFactory.getInstance(TYPE, this, provider("FakeReadersProvider", TYPE));
    }

    /** A provider offering {@code TerminalFactory} of each type in {@code types}, all backed by these readers. */
    static Provider provider(String name, String... types) {
        Provider provider = new Provider(name, "1.0", "test readers") {
            private static final long serialVersionUID = 1L;
        };
        for (String type : types) {
            provider.put("TerminalFactory." + type, Spi.class.getName());
        }
        return provider;
    }

    /** The factory implementation; public for {@link Provider}'s reflection. */
    public static final class Spi extends TerminalFactorySpi {
        private final FakeReaders readers;

        public Spi(Object parameter) {
            this.readers = parameter instanceof FakeReaders given ? given : new FakeReaders();
        }

        @Override
        protected CardTerminals engineTerminals() {
            return readers.establish();
        }
    }

    private CardTerminals establish() {
        contexts.incrementAndGet();
        RuntimeException failure = establishFailure;
        if (failure != null) {
            establishFailure = null;
            throw failure;
        }
        return new Context();
    }

    private final class Context extends CardTerminals {
        @Override
        public List<CardTerminal> list(State state) throws CardException {
            CardException failure = listFailureOnce;
            if (failure != null) {
                listFailureOnce = null;
                throw failure;
            }
            List<CardTerminal> result = new ArrayList<>();
            for (Reader reader : readers) {
                boolean include = switch (state) {
                    case CARD_PRESENT -> reader.isCardPresent();
                    case CARD_ABSENT -> !reader.isCardPresent();
                    default -> true;
                };
                if (include) {
                    result.add(reader);
                }
            }
            return result;
        }

        @Override
        public boolean waitForChange(long timeout) {
            if (timeout <= 0) {
                throw new AssertionError("waitForChange(" + timeout + ") would wait forever or fail");
            }
            sleep(Math.min(timeout, 10));
            return false;
        }
    }

    /** One reader; a card can be inserted at any time. */
    static final class Reader extends CardTerminal {
        private final String name;
        private volatile boolean present;
        private volatile CardException connectFailure;
        private final List<FakeCard> cards = new ArrayList<>();

        private Reader(String name) {
            this.name = name;
        }

        /** Puts a card in. */
        synchronized Reader insert() {
            present = true;
            notifyAll();
            return this;
        }

        /** Puts a card in after {@code millis}, from another thread. */
        Reader insertAfter(long millis) {
            Thread thread = new Thread(() -> {
                sleep(millis);
                insert();
            });
            thread.setDaemon(true);
            thread.start();
            return this;
        }

        /** Every connect from now on fails with {@code failure}. */
        Reader failConnect(CardException failure) {
            this.connectFailure = failure;
            return this;
        }

        /** The cards connected to so far. */
        synchronized List<FakeCard> cards() {
            return List.copyOf(cards);
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public synchronized Card connect(String protocol) throws CardException {
            if (connectFailure != null) {
                throw connectFailure;
            }
            if (!present) {
                throw new CardNotPresentException("no card in " + name);
            }
            FakeCard card = new FakeCard();
            cards.add(card);
            return card;
        }

        @Override
        public boolean isCardPresent() {
            return present;
        }

        @Override
        public synchronized boolean waitForCardPresent(long timeout) throws CardException {
            if (timeout <= 0) {
                throw new AssertionError("waitForCardPresent(" + timeout + ") would wait forever or fail");
            }
            long deadline = System.currentTimeMillis() + timeout;
            try {
                while (!present && System.currentTimeMillis() < deadline) {
                    wait(Math.max(1, deadline - System.currentTimeMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CardException("interrupted", e);
            }
            return present;
        }

        @Override
        public boolean waitForCardAbsent(long timeout) {
            throw new UnsupportedOperationException();
        }
    }

    /** A card that answers 9000 to everything and records its disconnects. */
    static final class FakeCard extends Card {
        private final ScriptedCardChannel channel = new ScriptedCardChannel(c -> new ResponseAPDU(new byte[] {(byte) 0x90, 0}));
        private final List<Boolean> disconnects = new ArrayList<>();
        private volatile CardException disconnectFailure;

        /** The {@code reset} argument of every disconnect, in order. */
        synchronized List<Boolean> disconnects() {
            return List.copyOf(disconnects);
        }

        FakeCard failDisconnect(CardException failure) {
            this.disconnectFailure = failure;
            return this;
        }

        ScriptedCardChannel channel() {
            return channel;
        }

        @Override
        public ATR getATR() {
            return new ATR(new byte[] {0x3B, 0x00});
        }

        @Override
        public String getProtocol() {
            return "T=1";
        }

        @Override
        public CardChannel getBasicChannel() {
            return channel;
        }

        @Override
        public CardChannel openLogicalChannel() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void beginExclusive() {}

        @Override
        public void endExclusive() {}

        @Override
        public byte[] transmitControlCommand(int controlCode, byte[] command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized void disconnect(boolean reset) throws CardException {
            disconnects.add(reset);
            if (disconnectFailure != null) {
                throw disconnectFailure;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
