package io.mynagate.jpki.handoff;

import com.nimbusds.jose.jwk.JWKSet;
import io.mynagate.jpki.Reason;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link KeySetSource}: a cache per JWK set URL in front of {@link JwksFetcher}. At most
 * one fetch per URL per {@code minRefetchInterval}, successful or not; a set older than
 * {@code cacheTime} is never served. Thread-safe: one lock per URL, held during its fetch, so
 * concurrent requests for one issuer cause one fetch.
 */
final class HttpKeySetSource implements KeySetSource {
    private static final System.Logger LOG = System.getLogger(HttpKeySetSource.class.getName());

    private final JwksFetcher fetcher;
    private final Duration cacheTime;
    private final Duration minRefetchInterval;
    private final Clock clock;
    private final Map<URI, Cached> cache = new ConcurrentHashMap<>();

    /** The state of one URL; guarded by its own monitor. */
    private static final class Cached {
        JWKSet keys;
        Instant fetchedAt;
        Instant lastAttempt;
    }

    HttpKeySetSource(JwksFetcher fetcher, Duration cacheTime, Duration minRefetchInterval, Clock clock) {
        this.fetcher = fetcher;
        this.cacheTime = cacheTime;
        this.minRefetchInterval = minRefetchInterval;
        this.clock = clock;
    }

    @Override
    public JWKSet keySet(AllowedIssuer issuer, String keyId) throws HandoffRequestException {
        Cached cached = cache.computeIfAbsent(issuer.jwksUri(), uri -> new Cached());
        synchronized (cached) {
            Instant now = clock.instant();
            boolean fresh = cached.keys != null && now.isBefore(cached.fetchedAt.plus(cacheTime));
            if (fresh && cached.keys.getKeyByKeyId(keyId) != null) {
                return cached.keys;
            }
            if (!mayFetch(cached, now)) {
                if (fresh) {
                    // A kid the issuer did not publish a moment ago: answer from the cache, the verifier says unknown key.
                    return cached.keys;
                }
                throw new HandoffRequestException(Reason.KEY_SET_UNAVAILABLE,
                        "the key set of " + issuer.issuer() + " failed to load less than "
                        + minRefetchInterval.toSeconds() + " s ago");
            }
            return fetch(issuer, cached, now);
        }
    }

    private boolean mayFetch(Cached cached, Instant now) {
        return cached.lastAttempt == null || !now.isBefore(cached.lastAttempt.plus(minRefetchInterval));
    }

    private JWKSet fetch(AllowedIssuer issuer, Cached cached, Instant now) throws HandoffRequestException {
        cached.lastAttempt = now;
        try {
            JWKSet keys = fetcher.fetch(issuer.jwksUri());
            cached.keys = keys;
            cached.fetchedAt = now;
            return keys;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "hand-off key set of {0} unavailable: {1}", issuer.issuer(),
                    e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
            throw new HandoffRequestException(Reason.KEY_SET_UNAVAILABLE,
                    "the key set of " + issuer.issuer() + " could not be fetched", e);
        }
    }
}
