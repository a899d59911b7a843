package io.mynagate.jpki.handoff;

import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.claims.ClaimName;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The hand-off request (DESIGN.md "Login, step by step", steps 2-3): what the identity provider asks
 * the card bridge to do, signed with the realm's key. On the wire a compact JWS (RFC 7515) with
 * header {@code alg} ({@value #RS256}, {@value #PS256} or {@value #ES256}), {@code typ}
 * {@value #TYPE} and {@code kid}, and a payload of:
 *
 * <table>
 *   <caption>payload claims</caption>
 *   <tr><th>claim</th><th>value</th></tr>
 *   <tr><td>{@code iss}</td><td>the realm issuer URL, on the bridge's allowlist</td></tr>
 *   <tr><td>{@code aud}</td><td>{@value #AUDIENCE}, always: no other JWS of the realm (an ID token)
 *       passes as a hand-off</td></tr>
 *   <tr><td>{@code jti}</td><td>unique per request, single use at the bridge</td></tr>
 *   <tr><td>{@code iat}, {@code exp}</td><td>NumericDate; at most {@link #MAX_LIFETIME} apart</td></tr>
 *   <tr><td>{@code nonce}</td><td>the challenge the card assertion must carry, base64url, at least
 *       256 bits</td></tr>
 *   <tr><td>{@code purpose}</td><td>{@code auth} or {@code share}</td></tr>
 *   <tr><td>{@code return_uri}</td><td>where the bridge sends the browser back, on the issuer's
 *       origin</td></tr>
 *   <tr><td>{@code client_id}, {@code client_name}</td><td>the relying party, and its display name as
 *       the bridge shows it</td></tr>
 *   <tr><td>{@code claims}</td><td>for {@code share}: the requested claim names ({@link ClaimName});
 *       absent for {@code auth}</td></tr>
 * </table>
 *
 * <p>Make one with {@link #builder()}, check one with {@link HandoffRequestVerifier}. Immutable and
 * thread-safe. {@link #toString()} leaves out the nonce and the {@code jti}.
 */
public final class HandoffRequest {
    /** The {@code typ} header (RFC 8725 section 3.11: explicit typing). */
    public static final String TYPE = "myna-handoff+jwt";
    /** The only {@code aud}: the card bridge. */
    public static final String AUDIENCE = "myna-card-bridge";
    /** RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 section 3.3), Keycloak's default realm key. */
    public static final String RS256 = "RS256";
    /** RSASSA-PSS with SHA-256 (RFC 7518 section 3.5). */
    public static final String PS256 = "PS256";
    /** ECDSA P-256 with SHA-256 (RFC 7518 section 3.4). */
    public static final String ES256 = "ES256";
    /** The accepted {@code alg} values: asymmetric only, so a verifier never holds a signing secret. */
    public static final List<String> ALGORITHMS = List.of(RS256, PS256, ES256);
    /** The longest {@code exp - iat} any verifier accepts; a verifier may be configured shorter. */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

    /** Claim: the one-time challenge of the card assertion. */
    public static final String CLAIM_NONCE = "nonce";
    /** Claim: {@link Purpose#value()}. */
    public static final String CLAIM_PURPOSE = "purpose";
    /** Claim: the return URI. */
    public static final String CLAIM_RETURN_URI = "return_uri";
    /** Claim: the relying party's OAuth client id. */
    public static final String CLAIM_CLIENT_ID = "client_id";
    /** Claim: the relying party's display name. */
    public static final String CLAIM_CLIENT_NAME = "client_name";
    /** Claim of {@code share} requests: the requested claim names, a JSON array of strings. */
    public static final String CLAIM_CLAIMS = "claims";

    private final String issuer;
    private final String jti;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final String nonce;
    private final Purpose purpose;
    private final URI returnUri;
    private final String clientId;
    private final String clientName;
    private final List<ClaimName> claims;

    HandoffRequest(String issuer, String jti, Instant issuedAt, Instant expiresAt, String nonce, Purpose purpose,
            URI returnUri, String clientId, String clientName, List<ClaimName> claims) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.jti = Objects.requireNonNull(jti, "jti");
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.nonce = Objects.requireNonNull(nonce, "nonce");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.returnUri = Objects.requireNonNull(returnUri, "returnUri");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientName = Objects.requireNonNull(clientName, "clientName");
        this.claims = List.copyOf(claims);
    }

    /** @return a builder for the identity provider's side */
    public static HandoffRequestBuilder builder() {
        return new HandoffRequestBuilder();
    }

    /** @return {@code iss}: the realm issuer URL; never null */
    public String issuer() {
        return issuer;
    }

    /** @return {@code jti}: the request's single-use identifier; never null */
    public String jti() {
        return jti;
    }

    /** @return {@code iat}; never null */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** @return {@code exp}; never null */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** @return the challenge the card assertion must carry, base64url; never null */
    public String nonce() {
        return nonce;
    }

    /** @return why the card is to sign; never null */
    public Purpose purpose() {
        return purpose;
    }

    /** @return where the bridge sends the browser back (the assertion goes in its fragment); never null */
    public URI returnUri() {
        return returnUri;
    }

    /** @return the relying party's OAuth client id; never null */
    public String clientId() {
        return clientId;
    }

    /** @return the relying party's display name, to show as "who asks"; never null */
    public String clientName() {
        return clientName;
    }

    /** @return the requested claims, in request order, distinct; empty for {@link Purpose#AUTH} */
    public List<ClaimName> claims() {
        return claims;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof HandoffRequest)) {
            return false;
        }
        HandoffRequest that = (HandoffRequest) other;
        return issuer.equals(that.issuer) && jti.equals(that.jti) && issuedAt.equals(that.issuedAt)
                && expiresAt.equals(that.expiresAt) && nonce.equals(that.nonce) && purpose == that.purpose
                && returnUri.equals(that.returnUri) && clientId.equals(that.clientId)
                && clientName.equals(that.clientName) && claims.equals(that.claims);
    }

    @Override
    public int hashCode() {
        return Objects.hash(issuer, jti, issuedAt, expiresAt, nonce, purpose, returnUri, clientId, clientName, claims);
    }

    /** @return issuer, purpose, client, claims and expiry; not the nonce or {@code jti} */
    @Override
    public String toString() {
        return "HandoffRequest[iss=" + issuer + ", purpose=" + purpose.value() + ", client_id=" + clientId
                + ", claims=" + claims + ", exp=" + expiresAt + "]";
    }
}
