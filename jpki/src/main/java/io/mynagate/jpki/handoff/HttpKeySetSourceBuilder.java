package io.mynagate.jpki.handoff;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures the default {@link KeySetSource}: an HTTP GET of each allowed issuer's configured JWK set
 * URL ({@link AllowedIssuer#jwksUri()}), with timeouts, a size limit, no redirects and a cache per
 * URL. Validated and frozen by {@link #build()}; obtain one from {@link KeySetSource#http()}.
 *
 * <p>Fetches of one issuer's set are at most one per {@link #minRefetchInterval(Duration)}: when the
 * cache lacks a {@code kid} (the issuer rotated its key) the source refetches once, and a request with
 * a made-up {@code kid} gets the cached answer until the interval has passed. A set older than
 * {@link #cacheTime(Duration)} is not used: if it cannot be refetched the source fails with
 * {@code KEY_SET_UNAVAILABLE} rather than trust keys the issuer may have withdrawn.
 */
public final class HttpKeySetSourceBuilder {
    /** Default time to establish the connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Default time for the whole response, headers and body, once the request is sent. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
    /** Default largest JWK set, in bytes (a Keycloak realm's set with certificates is a few KB). */
    public static final int DEFAULT_MAX_SIZE = 64 * 1024;
    /** Default time a fetched set is used. */
    public static final Duration DEFAULT_CACHE_TIME = Duration.ofMinutes(5);
    /** Default least time between two fetches of one issuer's set. */
    public static final Duration DEFAULT_MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);
    private static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration LONGEST_CACHE_TIME = Duration.ofDays(1);

    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private int maxSize = DEFAULT_MAX_SIZE;
    private Duration cacheTime = DEFAULT_CACHE_TIME;
    private Duration minRefetchInterval = DEFAULT_MIN_REFETCH_INTERVAL;
    private Clock clock = Clock.systemUTC();

    HttpKeySetSourceBuilder() {}

    /** Connection timeout; default {@link #DEFAULT_CONNECT_TIMEOUT}; positive, at most 1 minute. */
    public HttpKeySetSourceBuilder connectTimeout(Duration value) {
        this.connectTimeout = value;
        return this;
    }

    /**
     * Deadline for the whole response after the request is sent, body included, so a server that
     * answers slowly cannot hold the bridge; default {@link #DEFAULT_READ_TIMEOUT}; positive, at most 1 minute.
     */
    public HttpKeySetSourceBuilder readTimeout(Duration value) {
        this.readTimeout = value;
        return this;
    }

    /** Largest accepted response body in bytes; default {@link #DEFAULT_MAX_SIZE}; 1 KiB to 1 MiB. */
    public HttpKeySetSourceBuilder maxSize(int value) {
        this.maxSize = value;
        return this;
    }

    /** How long a fetched set is used; default {@link #DEFAULT_CACHE_TIME}; positive, at most 1 day. */
    public HttpKeySetSourceBuilder cacheTime(Duration value) {
        this.cacheTime = value;
        return this;
    }

    /**
     * Least time between two fetches of one issuer's set (the rate limit of the refetch on an unknown
     * {@code kid}, and of retries after a failure); default {@link #DEFAULT_MIN_REFETCH_INTERVAL};
     * positive, at most the cache time.
     */
    public HttpKeySetSourceBuilder minRefetchInterval(Duration value) {
        this.minRefetchInterval = value;
        return this;
    }

    /** The clock for cache ages; default the system UTC clock. */
    public HttpKeySetSourceBuilder clock(Clock value) {
        this.clock = value;
        return this;
    }

    /**
     * @return a thread-safe source
     * @throws IllegalStateException when a setting is out of range
     */
    public KeySetSource build() {
        requireBetween(connectTimeout, LONGEST_TIMEOUT, "connectTimeout");
        requireBetween(readTimeout, LONGEST_TIMEOUT, "readTimeout");
        requireBetween(cacheTime, LONGEST_CACHE_TIME, "cacheTime");
        requireBetween(minRefetchInterval, cacheTime, "minRefetchInterval (at most cacheTime)");
        if (maxSize < 1024 || maxSize > 1024 * 1024) {
            throw new IllegalStateException("maxSize must be 1 KiB to 1 MiB");
        }
        Objects.requireNonNull(clock, "clock");
        return new HttpKeySetSource(new JwksFetcher(connectTimeout, readTimeout, maxSize), cacheTime,
                minRefetchInterval, clock);
    }

    private static void requireBetween(Duration value, Duration longest, String name) {
        if (value == null || value.isNegative() || value.isZero() || value.compareTo(longest) > 0) {
            throw new IllegalStateException(name + " must be positive and at most " + longest);
        }
    }
}
