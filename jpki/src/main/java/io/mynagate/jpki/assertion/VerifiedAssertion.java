package io.mynagate.jpki.assertion;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A card assertion that passed {@link AssertionVerifier}: the signing certificate and the claims.
 * Immutable. {@link #toString()} names no certificate content.
 */
public final class VerifiedAssertion {
    private final X509Certificate certificate;
    private final String audience;
    private final Instant issuedAt;
    private final Purpose purpose;
    private final List<String> approvedClaims;
    private final String clientId;

    VerifiedAssertion(X509Certificate certificate, String audience, Instant issuedAt, Purpose purpose,
            List<String> approvedClaims, String clientId) {
        this.certificate = certificate;
        this.audience = audience;
        this.issuedAt = issuedAt;
        this.purpose = purpose;
        this.approvedClaims = List.copyOf(approvedClaims);
        this.clientId = clientId;
    }

    /** The certificate from {@code x5c} whose key made the signature; not yet path- or revocation-checked. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The {@code aud} (the verifier's audience). */
    public String audience() {
        return audience;
    }

    /** The {@code iat}. */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** The {@code purpose}. */
    public Purpose purpose() {
        return purpose;
    }

    /** The approved claim names of a share assertion, in order; empty for auth. */
    public List<String> approvedClaims() {
        return approvedClaims;
    }

    /** The {@code client_id} of a share assertion; empty for auth. */
    public Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    @Override
    public String toString() {
        return "VerifiedAssertion[purpose=" + purpose.value() + ", iat=" + issuedAt + ", claims=" + approvedClaims + "]";
    }
}
