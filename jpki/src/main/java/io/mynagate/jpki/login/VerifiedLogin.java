package io.mynagate.jpki.login;

import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.identity.CertificateId;
import io.mynagate.jpki.profile.CertificateKind;
import io.mynagate.jpki.validation.RevocationEvidence;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A login step that passed every check of {@link LoginVerifier}. Only the verifier makes these.
 * Immutable; {@link #toString()} names neither the certificate nor any claim value.
 */
public final class VerifiedLogin {
    private final X509Certificate certificate;
    private final CertificateKind kind;
    private final CertificateId certificateId;
    private final Purpose purpose;
    private final Instant issuedAt;
    private final Map<String, Object> releasedClaims;
    private final RevocationEvidence evidence;

    VerifiedLogin(X509Certificate certificate, CertificateKind kind, CertificateId certificateId, Purpose purpose,
            Instant issuedAt, Map<String, Object> releasedClaims, RevocationEvidence evidence) {
        this.certificate = certificate;
        this.kind = kind;
        this.certificateId = certificateId;
        this.purpose = purpose;
        this.issuedAt = issuedAt;
        this.releasedClaims = releasedClaims;
        this.evidence = evidence;
    }

    /** @return the card certificate that signed; validated, not revoked. Personal data for {@code share}: never log it */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return which JPKI certificate signed: AUTHENTICATION for {@code auth}, SIGNATURE for {@code share} */
    public CertificateKind certificateKind() {
        return kind;
    }

    /** @return the keyed id of the certificate, for the user lookup; safe to log */
    public CertificateId certificateId() {
        return certificateId;
    }

    /** @return the purpose of the step */
    public Purpose purpose() {
        return purpose;
    }

    /** @return the assertion's {@code iat} */
    public Instant issuedAt() {
        return issuedAt;
    }

    /**
     * The values of exactly the claims the resident approved, in the approved order (name to value:
     * {@code String} for name, address, birthdate and gender, {@code Boolean} for {@code age_over_NN}).
     * Empty for {@code auth}. Personal data: never log the values.
     *
     * @return an unmodifiable map, never null
     */
    public Map<String, Object> releasedClaims() {
        return releasedClaims;
    }

    /** @return the OCSP response, CRL or operator answer that decided; empty when revocation was not checked */
    public Optional<RevocationEvidence> revocationEvidence() {
        return Optional.ofNullable(evidence);
    }

    @Override
    public String toString() {
        return "VerifiedLogin[purpose=" + purpose.value() + ", certificateId=" + certificateId
                + ", claims=" + releasedClaims.keySet() + "]";
    }
}
