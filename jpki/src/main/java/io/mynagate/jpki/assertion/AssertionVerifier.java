package io.mynagate.jpki.assertion;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Verifies card assertions ({@link CardAssertion}) for one audience, with Nimbus JOSE+JWT.
 *
 * <p>Checks, in this order, each failing with its own {@link AssertionException}: size; compact
 * JWS syntax and JSON header; {@code alg} is {@code RS256} (before any cryptography); {@code typ};
 * no key source but {@code x5c} and no {@code crit}; exactly one {@code x5c} certificate; an RSA key
 * of at least 2048 bits; the signature; then the claims {@code aud}, {@code nonce} (constant-time),
 * {@code iat} within the skew, {@code purpose}, and the share fields.
 *
 * <p>This verifies the assertion, not the certificate: its profile, path to the JPKI roots and
 * revocation are the caller's next steps ({@code profile}, {@code validation}). One-time use of the
 * nonce is the caller's too.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface AssertionVerifier {
    /**
     * @param compactJws the assertion as received, may be null (then malformed)
     * @param expectedNonce the challenge issued for this login, not null
     * @param expectedPurpose the step being completed, not null
     * @return the verified certificate and claims
     * @throws AssertionException the subclass of the first check that failed
     */
    VerifiedAssertion verify(String compactJws, String expectedNonce, Purpose expectedPurpose)
            throws AssertionException;

    /** A builder; {@link Builder#audience(String)} is required. */
    static Builder builder() {
        return new Builder();
    }

    /** Configures an {@link AssertionVerifier}; validated and frozen by {@link #build()}. */
    final class Builder {
        /** Default allowed distance of {@code iat} from the clock. */
        public static final Duration DEFAULT_MAX_SKEW = Duration.ofSeconds(60);
        /** Default largest accepted assertion, in characters (one 2 KB certificate fits easily). */
        public static final int DEFAULT_MAX_SIZE = 16 * 1024;
        private static final Duration LONGEST_SKEW = Duration.ofMinutes(10);

        private String audience;
        private Clock clock = Clock.systemUTC();
        private Duration maxSkew = DEFAULT_MAX_SKEW;
        private int maxSize = DEFAULT_MAX_SIZE;

        private Builder() {}

        /** The expected {@code aud}: the realm issuer URL; required, absolute. */
        public Builder audience(String value) {
            this.audience = value;
            return this;
        }

        /** The clock for {@code iat}; default the system UTC clock. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** How far {@code iat} may be from the clock, either way; default 60 s, at most 10 minutes. */
        public Builder maxSkew(Duration value) {
            this.maxSkew = value;
            return this;
        }

        /** The largest assertion accepted, in characters; default 16384. */
        public Builder maxSize(int value) {
            this.maxSize = value;
            return this;
        }

        /**
         * @throws IllegalStateException when the audience is missing or not an absolute URI, or the
         *     skew or size is out of range
         */
        public AssertionVerifier build() {
            if (audience == null || audience.isBlank() || !URI.create(audience).isAbsolute()) {
                throw new IllegalStateException("the audience must be the absolute issuer URL");
            }
            Objects.requireNonNull(clock, "clock");
            if (maxSkew == null || maxSkew.isNegative() || maxSkew.compareTo(LONGEST_SKEW) > 0) {
                throw new IllegalStateException("maxSkew must be between 0 and 10 minutes");
            }
            if (maxSize < 512) {
                throw new IllegalStateException("maxSize below 512 cannot hold a certificate");
            }
            return new DefaultAssertionVerifier(audience, clock, maxSkew, maxSize);
        }
    }
}
