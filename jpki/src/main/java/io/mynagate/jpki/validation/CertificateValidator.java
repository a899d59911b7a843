package io.mynagate.jpki.validation;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Validates an end-entity certificate the way the identity provider does before it trusts a card
 * assertion: in order, the JPKI profile of the end-entity certificate (RSA-2048, key usage for
 * authentication or signature), its validity at the given time, an issuer chain chosen by authority/subject
 * key identifier and signature (never by name alone: JPKI root generations share one DN), refusal of
 * {@code O=JPKI-TEST} roots, RFC 5280 path validation, then revocation of every certificate of the path.
 *
 * <p>Obtain one from {@link #builder()}. Implementations are immutable and thread-safe.
 */
public interface CertificateValidator {

    /**
     * Validates {@code certificate}. Never throws for a rejected certificate; the result says why.
     *
     * @param certificate the end-entity certificate, never {@code null}
     * @param intermediates candidate intermediate CA certificates (may be empty, never {@code null});
     *     they are only path material, never trust anchors
     * @param at the validation time for validity periods and revocation freshness, never {@code null}
     * @return the result with reason and deciding evidence, never {@code null}
     */
    ValidationResult validate(X509Certificate certificate, List<X509Certificate> intermediates, Instant at);

    /**
     * Like {@link #validate} but throws when the certificate is invalid.
     *
     * @param certificate the end-entity certificate, never {@code null}
     * @param intermediates candidate intermediates, never {@code null}
     * @param at the validation time, never {@code null}
     * @return the valid result (with the revocation evidence)
     * @throws CertificateValidationException the subclass for the reason when invalid
     */
    default ValidationResult validateOrThrow(X509Certificate certificate, List<X509Certificate> intermediates,
            Instant at) throws CertificateValidationException {
        return validate(certificate, intermediates, at).orThrow();
    }

    /** @return a new builder */
    static CertificateValidatorBuilder builder() {
        return new CertificateValidatorBuilder();
    }
}
