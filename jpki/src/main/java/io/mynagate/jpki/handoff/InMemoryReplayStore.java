package io.mynagate.jpki.handoff;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/** {@link ReplayStore#inMemory(int, Clock)}: a map of live ids and a queue by expiry; one lock. */
final class InMemoryReplayStore implements ReplayStore {
    static final int DEFAULT_MAX_ENTRIES = 10_000;
    private static final System.Logger LOG = System.getLogger(InMemoryReplayStore.class.getName());

    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Instant> live = new HashMap<>();
    private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>();

    private record Entry(Instant expiresAt, String id) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            return expiresAt.compareTo(other.expiresAt);
        }
    }

    InMemoryReplayStore(int maxEntries, Clock clock) {
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized boolean markUsed(String id, Instant expiresAt) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expiresAt, "expiresAt");
        forgetExpired(clock.instant());
        if (live.containsKey(id)) {
            return false;
        }
        if (live.size() >= maxEntries) {
            LOG.log(System.Logger.Level.WARNING, "hand-off replay store full ({0} live ids): refusing", maxEntries);
            return false;
        }
        live.put(id, expiresAt);
        byExpiry.add(new Entry(expiresAt, id));
        return true;
    }

    /** An id is forgotten only once its request can no longer be accepted. */
    private void forgetExpired(Instant now) {
        while (!byExpiry.isEmpty() && byExpiry.peek().expiresAt().isBefore(now)) {
            live.remove(byExpiry.poll().id());
        }
    }

    /** For tests: how many ids are remembered. */
    synchronized int size() {
        return live.size();
    }
}
