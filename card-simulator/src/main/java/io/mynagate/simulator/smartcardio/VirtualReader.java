package io.mynagate.simulator.smartcardio;

import io.mynagate.simulator.card.SimulatedCard;
import java.util.Objects;

/**
 * A virtual reader slot. A card can be inserted and removed at any time, also mid-operation: a
 * channel opened on a card that was removed answers {@link javax.smartcardio.CardException}, as a
 * PC/SC reader does. Thread-safe.
 */
public final class VirtualReader {
    /** Default reader name. */
    public static final String DEFAULT_NAME = "Myna Virtual Reader 00 00";

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
