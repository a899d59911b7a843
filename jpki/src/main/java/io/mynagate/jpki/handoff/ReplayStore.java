package io.mynagate.jpki.handoff;

import java.time.Clock;
import java.time.Instant;

/**
 * Remembers the hand-off requests already used, so that each is accepted once (RFC 7519 section
 * 4.1.7, {@code jti}). The bridge runs as one process on the resident's PC, so {@link #inMemory()} is
 * the default; a deployment with several verifiers would put a shared store behind this interface.
 *
 * <p>Implementations must be thread-safe and atomic: of two concurrent calls with the same id, one
 * returns {@code true}.
 */
@FunctionalInterface
public interface ReplayStore {
    /**
     * Records the first use of {@code id}.
     *
     * @param id the request's {@code jti}, scoped by the verifier to its issuer; not null
     * @param expiresAt until when the id must be remembered (the request's {@code exp} plus the clock
     *     skew; after that the verifier refuses the request as expired anyway)
     * @return {@code true} when this is the first use; {@code false} when the id was used before, or the
     *     store cannot record it (fail closed)
     */
    boolean markUsed(String id, Instant expiresAt);

    /** @return an in-memory store of at most {@value InMemoryReplayStore#DEFAULT_MAX_ENTRIES} live ids, on the UTC clock */
    static ReplayStore inMemory() {
        return inMemory(InMemoryReplayStore.DEFAULT_MAX_ENTRIES, Clock.systemUTC());
    }

    /**
     * An in-memory store that forgets ids once their {@code expiresAt} has passed. When
     * {@code maxEntries} ids are live it refuses new ones ({@code false}) rather than forget a live
     * one, which would let it be replayed.
     *
     * @param maxEntries the most ids remembered at once, positive
     * @param clock when entries expire
     * @throws IllegalArgumentException when {@code maxEntries} is not positive
     */
    static ReplayStore inMemory(int maxEntries, Clock clock) {
        return new InMemoryReplayStore(maxEntries, clock);
    }
}
