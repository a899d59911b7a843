package io.mynagate.simulator.smartcardio;

import io.mynagate.simulator.card.SimulatedCard;
import io.mynagate.simulator.pki.TestPki;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A virtual reader slot. A card can be inserted and removed at any time, also mid-operation: a
 * channel opened on a card that was removed answers {@link javax.smartcardio.CardException}, as a
 * PC/SC reader does. Thread-safe.
 */
public final class VirtualReader {
    /** Default reader name. */
    public static final String DEFAULT_NAME = "Myna Virtual Reader 00 00";
    /** System property: a PKI directory made by {@code card-simulator pki init}; its card fills the shared reader. */
    public static final String DIR_PROPERTY = "mynagate.simulator.dir";
    /** System property: which card of that directory (default: the first card id in sort order). */
    public static final String CARD_PROPERTY = "mynagate.simulator.card";

    private static VirtualReader shared;

    private final String name;
    private SimulatedCard card;
    private long insertion;

    private VirtualReader(String name, SimulatedCard card) {
        this.name = Objects.requireNonNull(name);
        this.card = card;
    }

    /** An empty reader. */
    public static VirtualReader empty(String name) {
        return new VirtualReader(name, null);
    }

    /** A reader holding {@code card}. */
    public static VirtualReader holding(String name, SimulatedCard card) {
        return new VirtualReader(name, Objects.requireNonNull(card));
    }

    /**
     * The process-wide reader behind {@code TerminalFactory.getInstance("VirtualCard", null)}: code that
     * cannot pass a card (the bridge in a demo) sees this reader, and a test harness inserts and
     * removes cards in it. On first use it holds the card named by the system properties
     * {@value #DIR_PROPERTY} and {@value #CARD_PROPERTY}, or nothing when they are unset.
     */
    public static synchronized VirtualReader shared() {
        if (shared == null) {
            shared = fromConfiguration(System::getProperty);
        }
        return shared;
    }

    static VirtualReader fromConfiguration(UnaryOperator<String> properties) {
        String dir = properties.apply(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            return empty(DEFAULT_NAME);
        }
        TestPki pki = TestPki.open(Path.of(dir));
        String card = properties.apply(CARD_PROPERTY);
        if (card == null || card.isBlank()) {
            List<String> ids = pki.cardIds();
            if (ids.isEmpty()) {
                throw new IllegalStateException("no card issued in " + DIR_PROPERTY);
            }
            card = ids.get(0);
        }
        return holding(DEFAULT_NAME, pki.card(card).toSimulatedCard());
    }

    /** The reader name shown by {@code CardTerminal.getName()}. */
    public String name() {
        return name;
    }

    /** Inserts a card (powered up from reset); replaces any card in the slot. */
    public synchronized void insert(SimulatedCard newCard) {
        newCard.reset();
        this.card = Objects.requireNonNull(newCard);
        insertion++;
        notifyAll();
    }

    /** Removes the card; channels on it fail from now on. */
    public synchronized void remove() {
        this.card = null;
        insertion++;
        notifyAll();
    }

    synchronized boolean present() {
        return card != null;
    }

    synchronized SimulatedCard card() {
        return card;
    }

    /** Changes on every insert and remove; a connection is valid while it stays the same. */
    synchronized long insertion() {
        return insertion;
    }

    synchronized boolean awaitState(boolean wantPresent, long timeoutMillis) throws InterruptedException {
        long deadline = timeoutMillis == 0 ? Long.MAX_VALUE : System.currentTimeMillis() + timeoutMillis;
        while (present() != wantPresent) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(Math.min(left, 100));
        }
        return true;
    }
}
