package io.mynagate.jpki.validation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Ready-made {@link RevocationSource}s and combinators. */
public final class RevocationSources {
    private RevocationSources() {}

    /** @return a builder for an RFC 6960 OCSP source */
    public static OcspSourceBuilder ocsp() {
        return new OcspSourceBuilder();
    }

    /** @return a builder for an RFC 5280 CRL source */
    public static CrlSourceBuilder crl() {
        return new CrlSourceBuilder();
    }

    /**
     * Asks the sources in order and returns the first answer: good, revoked or unknown. Only a source that
     * fails (down, stale, unverifiable) hands over to the next; an unknown answer is final, because a
     * certificate its issuer's responder does not know is suspect (fail closed). When every source fails the
     * result is a {@link RevocationCheckException} listing every failure. Typical order: OCSP (same-day)
     * before CRL (daily).
     *
     * @param sources at least one source
     * @return the composite source
     */
    public static RevocationSource firstAvailable(List<RevocationSource> sources) {
        if (sources == null || sources.isEmpty()) {
            throw new IllegalArgumentException("at least one revocation source is needed");
        }
        sources.forEach(s -> Objects.requireNonNull(s, "source"));
        return sources.size() == 1 ? sources.get(0) : new CompositeSource(sources);
    }

    /**
     * Caches the good and revoked answers of {@code source} while their evidence is current: from
     * {@code thisUpdate} to {@code nextUpdate} (or {@code thisUpdate} plus {@code maxAgeWithoutNextUpdate}).
     * Failures and unknown answers are not cached.
     *
     * @param source the source to cache, never {@code null}
     * @param maxEntries bound on cached certificates, positive
     * @param maxAgeWithoutNextUpdate how long an answer without {@code nextUpdate} is reused
     * @return the caching source, thread-safe
     */
    public static RevocationSource cached(RevocationSource source, int maxEntries, Duration maxAgeWithoutNextUpdate) {
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        if (maxAgeWithoutNextUpdate == null || maxAgeWithoutNextUpdate.isNegative()) {
            throw new IllegalArgumentException("maxAgeWithoutNextUpdate must be zero or positive");
        }
        return new CachingSource(Objects.requireNonNull(source, "source"), maxEntries, maxAgeWithoutNextUpdate);
    }

    /**
     * {@link #cached(RevocationSource, int, Duration)} with 10 000 entries and 5 minutes.
     *
     * @param source the source to cache, never {@code null}
     * @return the caching source
     */
    public static RevocationSource cached(RevocationSource source) {
        return cached(source, 10_000, Duration.ofMinutes(5));
    }
}
