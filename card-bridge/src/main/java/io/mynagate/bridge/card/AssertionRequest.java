package io.mynagate.bridge.card;

import io.mynagate.jpki.assertion.CardAssertion;
import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.card.PinKind;
import io.mynagate.jpki.claims.ClaimName;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the card is asked to sign: one card assertion (docs/login-protocol.md, "The card assertion") for
 * an audience (the identity provider's issuer URL), a nonce (its one-time challenge) and a purpose, with
 * the client and the approved claims for {@code share}. Checked in {@link Builder#build()}, before any
 * card is touched; immutable.
 *
 * <p>The values come from the command line ({@code assert}) or from a hand-off request the bridge verified
 * (docs/handoff-request.md) and the claims the resident approved on the bridge's page ({@code serve}).
 */
public final class AssertionRequest {
    /** The longest audience URL accepted. */
    public static final int MAX_AUDIENCE_LENGTH = 2048;
    /** The longest nonce accepted; the identity provider's nonces are far shorter. */
    public static final int MAX_TOKEN_LENGTH = 512;
    /** The longest client id accepted: the hand-off request's limit (docs/handoff-request.md). */
    public static final int MAX_CLIENT_ID_LENGTH = 255;
    /** The claim vocabulary ({@link ClaimName}), for messages. */
    private static final String VOCABULARY = ClaimName.NAME_VALUE + ", " + ClaimName.ADDRESS_VALUE + ", "
            + ClaimName.BIRTHDATE_VALUE + ", " + ClaimName.GENDER_VALUE + ", " + ClaimName.AGE_OVER_PREFIX + "NN (NN "
            + ClaimName.MIN_AGE + "-" + ClaimName.MAX_AGE + ")";

    private final String audience;
    private final String nonce;
    private final Purpose purpose;
    private final String clientId;
    private final List<String> approvedClaims;

    private AssertionRequest(Builder builder) {
        this.audience = builder.audience;
        this.nonce = builder.nonce;
        this.purpose = builder.purpose;
        this.clientId = builder.clientId;
        this.approvedClaims = List.copyOf(builder.approvedClaims);
    }

    /** @return a new builder; purpose {@link Purpose#AUTH} unless set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the issuer URL the assertion is for ({@code aud}); never null */
    public String audience() {
        return audience;
    }

    /** @return the identity provider's one-time challenge; never null */
    public String nonce() {
        return nonce;
    }

    /** @return why the card signs; never null */
    public Purpose purpose() {
        return purpose;
    }

    /** @return the client the claims are released to, for {@code share}; null for {@code auth} */
    public String clientId() {
        return clientId;
    }

    /** @return the approved claim names in order, for {@code share}; empty for {@code auth} */
    public List<String> approvedClaims() {
        return approvedClaims;
    }

    /**
     * @return which PIN unlocks the key of this purpose: the authentication PIN (利用者証明用暗証番号) for
     *     {@code auth}, the signature password (署名用パスワード) for {@code share}
     */
    public PinKind pinKind() {
        return purpose == Purpose.SHARE ? PinKind.SIGNATURE : PinKind.AUTHENTICATION;
    }

    /** The assertion builder with this request's content; the certificate is the caller's. */
    CardAssertion.Builder assertion(Clock clock) {
        CardAssertion.Builder builder = CardAssertion.builder().audience(audience).nonce(nonce).purpose(purpose)
                .clock(clock);
        if (purpose == Purpose.SHARE) {
            builder.clientId(clientId).approvedClaims(approvedClaims);
        }
        return builder;
    }

    /** Names the purpose and the claim names only; audience, nonce and client are not secret but stay out of logs. */
    @Override
    public String toString() {
        return "AssertionRequest[purpose=" + purpose.value() + ", claims=" + approvedClaims + "]";
    }

    /** Collects and checks a request. Not thread-safe. */
    public static final class Builder {
        private String audience;
        private String nonce;
        private Purpose purpose = Purpose.AUTH;
        private String clientId;
        private List<String> approvedClaims = List.of();

        private Builder() {}

        /**
         * @param value the identity provider's issuer URL: absolute {@code https} or {@code http}, with a
         *     host, no user info, no fragment; required
         * @return this builder
         */
        public Builder audience(String value) {
            this.audience = value;
            return this;
        }

        /**
         * @param value the one-time challenge: 1 to {@value #MAX_TOKEN_LENGTH} visible ASCII characters; required
         * @return this builder
         */
        public Builder nonce(String value) {
            this.nonce = value;
            return this;
        }

        /**
         * @param value {@link Purpose#AUTH} (default) or {@link Purpose#SHARE}; not null
         * @return this builder
         */
        public Builder purpose(Purpose value) {
            this.purpose = Objects.requireNonNull(value, "purpose");
            return this;
        }

        /**
         * @param value for {@code share} (required there, refused for {@code auth}): the relying party's
         *     OAuth client id, 1 to {@value #MAX_CLIENT_ID_LENGTH} characters without control characters, as
         *     the hand-off request allows it
         * @return this builder
         */
        public Builder clientId(String value) {
            this.clientId = value;
            return this;
        }

        /**
         * @param names for {@code share} (at least one there, none for {@code auth}): the claim names the
         *     resident approved, in order, each of the vocabulary ({@link ClaimName}, in its one spelling),
         *     without duplicates; not null
         * @return this builder
         */
        public Builder approvedClaims(Collection<String> names) {
            this.approvedClaims = new ArrayList<>(Objects.requireNonNull(names, "names"));
            return this;
        }

        /**
         * @return the checked request
         * @throws IllegalArgumentException naming the field that is missing or malformed (the message
         *     quotes a claim name, never anything else)
         */
        public AssertionRequest build() {
            checkAudience();
            checkToken("nonce", nonce);
            if (purpose == Purpose.SHARE) {
                checkClientId();
                checkClaims();
            } else if (clientId != null || !approvedClaims.isEmpty()) {
                throw new IllegalArgumentException("a client id and claims belong to purpose share only");
            }
            return new AssertionRequest(this);
        }

        private void checkAudience() {
            if (audience == null || audience.isEmpty() || audience.length() > MAX_AUDIENCE_LENGTH) {
                throw new IllegalArgumentException("the audience must be the identity provider's issuer URL");
            }
            URI uri;
            try {
                uri = new URI(audience);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("the audience is not a URL");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException(
                        "the audience must be an absolute https or http URL with a host, no user info and no fragment");
            }
        }

        private static void checkToken(String what, String value) {
            if (value == null || value.isEmpty() || value.length() > MAX_TOKEN_LENGTH) {
                throw new IllegalArgumentException("the " + what + " must be 1 to " + MAX_TOKEN_LENGTH + " characters");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x21 || c > 0x7E) {
                    throw new IllegalArgumentException("the " + what + " must be visible ASCII characters");
                }
            }
        }

        private void checkClientId() {
            if (clientId == null || clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID_LENGTH
                    || clientId.codePoints().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("the client id must be 1 to " + MAX_CLIENT_ID_LENGTH
                        + " characters without control characters");
            }
        }

        private void checkClaims() {
            if (approvedClaims.isEmpty()) {
                throw new IllegalArgumentException("purpose share needs at least one approved claim");
            }
            for (String name : approvedClaims) {
                if (ClaimName.parse(name).isEmpty()) {
                    throw new IllegalArgumentException("'" + name + "' is not a claim name; the vocabulary is "
                            + VOCABULARY);
                }
            }
            if (new LinkedHashSet<>(approvedClaims).size() != approvedClaims.size()) {
                throw new IllegalArgumentException("a claim is approved twice");
            }
        }
    }
}
