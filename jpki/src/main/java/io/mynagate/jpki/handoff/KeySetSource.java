package io.mynagate.jpki.handoff;

import com.nimbusds.jose.jwk.JWKSet;
import io.mynagate.jpki.Reason;

/**
 * Where the verifier gets an allowed issuer's public keys: the one way the hand-off verifier reaches
 * outside the process. The default, {@link #http()}, fetches the configured JWK set URL with timeouts,
 * a size limit and a cache; tests pass a lambda over an in-memory {@link JWKSet}.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface KeySetSource {
    /**
     * @param issuer the allowlist entry of the request's {@code iss}; never null
     * @param keyId the {@code kid} the verifier is looking for, never null: a caching source that lacks
     *     it may refetch (rate-limited, so that made-up {@code kid}s cannot make it hammer the issuer)
     * @return the issuer's key set, public keys only; may lack {@code keyId} (the verifier then refuses
     *     with {@link Reason#UNKNOWN_KEY}); never null
     * @throws HandoffRequestException {@link Reason#KEY_SET_UNAVAILABLE} when the set cannot be fetched
     *     or parsed
     */
    JWKSet keySet(AllowedIssuer issuer, String keyId) throws HandoffRequestException;

    /** @return a builder of the default source, over {@code java.net.http} */
    static HttpKeySetSourceBuilder http() {
        return new HttpKeySetSourceBuilder();
    }
}
