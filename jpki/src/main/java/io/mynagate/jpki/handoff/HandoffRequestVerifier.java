package io.mynagate.jpki.handoff;

import io.mynagate.jpki.Reason;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The card bridge's check of a hand-off request (DESIGN.md step 3), with Nimbus JOSE+JWT.
 *
 * <p>Checks, in this order, each failing with a {@link HandoffRequestException} of its own
 * {@link Reason}:
 * <ol>
 *   <li>size ({@link Reason#OVERSIZED_REQUEST}), before any parsing;</li>
 *   <li>compact JWS syntax and a JSON header ({@link Reason#MALFORMED_REQUEST});</li>
 *   <li>{@code alg}: {@code none} or an empty signature is {@link Reason#UNSIGNED_REQUEST}; anything
 *       but {@link HandoffRequest#ALGORITHMS} (HMAC above all) is {@link Reason#DISALLOWED_ALGORITHM}
 *       &mdash; both before any key is looked up;</li>
 *   <li>{@code typ} {@value HandoffRequest#TYPE} ({@link Reason#WRONG_TYPE});</li>
 *   <li>no {@code jku}, {@code x5u}, {@code jwk}, {@code x5c}, {@code crit}, {@code b64} header
 *       ({@link Reason#DISALLOWED_HEADER}): the key comes from the allowlist, never the request;</li>
 *   <li>{@code kid} present, payload a JSON claims set ({@link Reason#MALFORMED_REQUEST});</li>
 *   <li>{@code iss} on the allowlist, by exact string ({@link Reason#ISSUER_NOT_ALLOWED});</li>
 *   <li>the key: from that issuer's {@link KeySetSource} ({@link Reason#KEY_SET_UNAVAILABLE}), exactly one
 *       with that {@code kid}, {@code use} {@code sig}, a type and {@code alg} that fit the header
 *       ({@link Reason#UNKNOWN_KEY}), RSA of at least 2048 bits ({@link Reason#WEAK_KEY});</li>
 *   <li>the signature ({@link Reason#INVALID_SIGNATURE});</li>
 *   <li>{@code aud} {@value HandoffRequest#AUDIENCE} ({@link Reason#REQUEST_AUDIENCE});</li>
 *   <li>{@code exp} not passed, with the skew ({@link Reason#REQUEST_EXPIRED}); {@code iat} not in the
 *       future and {@code exp - iat} within the maximum lifetime ({@link Reason#REQUEST_LIFETIME});</li>
 *   <li>the fields' form: {@code jti}, {@code nonce}, {@code purpose}, {@code client_id},
 *       {@code client_name}, {@code return_uri} ({@link Reason#MALFORMED_REQUEST}); the return URI's
 *       origin is the issuer's ({@link Reason#RETURN_URI_FOREIGN});</li>
 *   <li>{@code claims}: every name in the vocabulary ({@link Reason#UNKNOWN_CLAIM}), distinct, present
 *       exactly for {@code share} ({@link Reason#MALFORMED_REQUEST});</li>
 *   <li>{@code jti} not used before ({@link Reason#REQUEST_REPLAYED}), last, so that a request refused
 *       for any other reason does not use up its {@code jti}.</li>
 * </ol>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface HandoffRequestVerifier {
    /**
     * @param compactJws the request as received (from the bridge URL), may be null (then malformed)
     * @return the verified request
     * @throws HandoffRequestException the reason of the first check that failed
     */
    HandoffRequest verify(String compactJws) throws HandoffRequestException;

    /** @return a builder; at least one {@link Builder#allowIssuer(String, URI)} is required */
    static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link HandoffRequestVerifier}; validated and frozen by {@link #build()}. Not thread-safe. */
    final class Builder {
        /** Default allowed clock difference between the identity provider and the resident's PC. */
        public static final Duration DEFAULT_MAX_SKEW = Duration.ofSeconds(60);
        /** Default largest request, in characters. */
        public static final int DEFAULT_MAX_SIZE = 8 * 1024;
        private static final Duration LONGEST_SKEW = Duration.ofMinutes(5);
        private static final System.Logger LOG = System.getLogger(HandoffRequestVerifier.class.getName());

        private final Map<String, AllowedIssuer> issuers = new LinkedHashMap<>();
        private KeySetSource keySetSource;
        private ReplayStore replayStore;
        private Clock clock = Clock.systemUTC();
        private Duration maxSkew = DEFAULT_MAX_SKEW;
        private Duration maxLifetime = HandoffRequest.MAX_LIFETIME;
        private int maxSize = DEFAULT_MAX_SIZE;
        private boolean allowHttpOnLoopback;

        private Builder() {}

        /**
         * Adds an issuer to the allowlist, with the URL of its JWK set; repeatable.
         *
         * @param issuer the exact {@code iss}, e.g. {@code https://idp.example.jp/realms/myna}
         * @param jwksUri e.g. {@code https://idp.example.jp/realms/myna/protocol/openid-connect/certs}
         * @throws IllegalArgumentException as {@link AllowedIssuer#of(String, URI)}, or when the issuer
         *     was already added
         */
        public Builder allowIssuer(String issuer, URI jwksUri) {
            AllowedIssuer entry = AllowedIssuer.of(issuer, jwksUri);
            if (issuers.putIfAbsent(entry.issuer(), entry) != null) {
                throw new IllegalArgumentException("issuer added twice: " + issuer);
            }
            return this;
        }

        /** The key sets; default {@link KeySetSource#http()} with its defaults. */
        public Builder keySetSource(KeySetSource value) {
            this.keySetSource = value;
            return this;
        }

        /** The used {@code jti}s; default {@link ReplayStore#inMemory()} on this builder's clock. */
        public Builder replayStore(ReplayStore value) {
            this.replayStore = value;
            return this;
        }

        /** The clock for {@code iat} and {@code exp}; default the system UTC clock. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** Allowed clock difference for {@code exp} and {@code iat}; default 60 s; 0 to 5 minutes. */
        public Builder maxSkew(Duration value) {
            this.maxSkew = value;
            return this;
        }

        /** Longest accepted {@code exp - iat}; default and most {@link HandoffRequest#MAX_LIFETIME}. */
        public Builder maxLifetime(Duration value) {
            this.maxLifetime = value;
            return this;
        }

        /** Largest request in characters; default {@value #DEFAULT_MAX_SIZE}; 1024 to 65536. */
        public Builder maxSize(int value) {
            this.maxSize = value;
            return this;
        }

        /**
         * Weakens the allowlist for the demo: accept issuers and JWK sets over plain {@code http} when
         * their host is loopback ({@code localhost}, {@code 127.x.y.z}, {@code [::1]}). Off by default;
         * logs a warning when used.
         */
        public Builder allowHttpOnLoopback() {
            this.allowHttpOnLoopback = true;
            return this;
        }

        /**
         * @return the verifier, thread-safe and immutable
         * @throws IllegalStateException when no issuer is allowed, an http issuer is allowed without
         *     {@link #allowHttpOnLoopback()}, or a setting is out of range
         */
        public HandoffRequestVerifier build() {
            if (issuers.isEmpty()) {
                throw new IllegalStateException("at least one allowed issuer is required");
            }
            checkHttpIssuers();
            Objects.requireNonNull(clock, "clock");
            if (maxSkew == null || maxSkew.isNegative() || maxSkew.compareTo(LONGEST_SKEW) > 0) {
                throw new IllegalStateException("maxSkew must be between 0 and 5 minutes");
            }
            if (maxLifetime == null || maxLifetime.isNegative() || maxLifetime.isZero()
                    || maxLifetime.compareTo(HandoffRequest.MAX_LIFETIME) > 0) {
                throw new IllegalStateException("maxLifetime must be positive and at most 5 minutes");
            }
            if (maxSize < 1024 || maxSize > 64 * 1024) {
                throw new IllegalStateException("maxSize must be 1024 to 65536");
            }
            KeySetSource keys = keySetSource != null ? keySetSource : KeySetSource.http().build();
            ReplayStore replays = replayStore != null ? replayStore : ReplayStore.inMemory(
                    InMemoryReplayStore.DEFAULT_MAX_ENTRIES, clock);
            return new DefaultHandoffRequestVerifier(Map.copyOf(issuers), keys, replays, clock, maxSkew,
                    maxLifetime, maxSize);
        }

        private void checkHttpIssuers() {
            boolean anyHttp = issuers.values().stream().anyMatch(AllowedIssuer::usesHttp);
            if (anyHttp && !allowHttpOnLoopback) {
                throw new IllegalStateException("an issuer or key set uses http; https is required"
                        + " (allowHttpOnLoopback() for a loopback demo)");
            }
            if (allowHttpOnLoopback) {
                LOG.log(System.Logger.Level.WARNING,
                        "hand-off verifier accepts issuers over plain http on loopback: for the demo only");
            }
        }
    }
}
