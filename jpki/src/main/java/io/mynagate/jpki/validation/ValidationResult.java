package io.mynagate.jpki.validation;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link CertificateValidator#validate}: valid or not, why, and the revocation evidence
 * that decided (when revocation was checked). Immutable.
 */
public final class ValidationResult {

    /** Why a certificate is valid or not. Each rejection has its own value. */
    public enum Reason {
        /** Path, profile and revocation all passed. */
        VALID(true),
        /** The input is not a usable certificate (e.g. unparsable extension). */
        MALFORMED_CERTIFICATE(false),
        /** The end-entity key is not RSA with a 2048-bit modulus (JPKI profiles only). */
        WRONG_KEY_TYPE(false),
        /**
         * Not the required JPKI certificate: key usage of the other kind (auth vs sign), no key usage, a CA
         * certificate, or key usage, policies and attributes that contradict each other.
         */
        PROFILE_MISMATCH(false),
        /** A certificate of the path is expired at the validation time. */
        EXPIRED(false),
        /** A certificate of the path is not yet valid at the validation time. */
        NOT_YET_VALID(false),
        /** No issuer among the intermediates and trust anchors matches by name, key identifier and signature. */
        NO_TRUSTED_PATH(false),
        /** The path ends at an {@code O=JPKI-TEST} root and test roots are not allowed. */
        TEST_ROOT_REFUSED(false),
        /** RFC 5280 path validation failed otherwise (signature, basic constraints, CA key usage, policy). */
        INVALID_PATH(false),
        /** A certificate of the path is revoked. */
        REVOKED(false),
        /** The revocation source does not know a certificate of the path (OCSP {@code unknown}). */
        REVOCATION_UNKNOWN(false),
        /** No authenticated, current revocation answer (responder down, stale CRL, bad response). */
        REVOCATION_UNAVAILABLE(false);

        private final boolean valid;

        Reason(boolean valid) {
            this.valid = valid;
        }

        /** @return whether this reason means the certificate is valid */
        public boolean isValid() {
            return valid;
        }
    }

    private final Reason reason;
    private final String message;
    private final RevocationEvidence evidence;

    private ValidationResult(Reason reason, String message, RevocationEvidence evidence) {
        this.reason = Objects.requireNonNull(reason, "reason");
        this.message = Objects.requireNonNull(message, "message");
        this.evidence = evidence;
    }

    /**
     * A valid result.
     *
     * @param message what was checked, never {@code null}
     * @param evidence the revocation evidence of the end-entity certificate, or {@code null} when
     *     revocation was not checked
     * @return the result
     */
    public static ValidationResult valid(String message, RevocationEvidence evidence) {
        return new ValidationResult(Reason.VALID, message, evidence);
    }

    /**
     * An invalid result.
     *
     * @param reason why, must not be {@link Reason#VALID}
     * @param message details without personal data, never {@code null}
     * @param evidence the revocation evidence that decided, or {@code null}
     * @return the result
     */
    public static ValidationResult invalid(Reason reason, String message, RevocationEvidence evidence) {
        if (reason.isValid()) {
            throw new IllegalArgumentException("an invalid result needs a rejection reason");
        }
        return new ValidationResult(reason, message, evidence);
    }

    /** @return whether the certificate is valid */
    public boolean isValid() {
        return reason.isValid();
    }

    /** @return why, never {@code null} */
    public Reason reason() {
        return reason;
    }

    /** @return a human-readable explanation without personal data, never {@code null} */
    public String message() {
        return message;
    }

    /** @return the revocation evidence that decided, empty when revocation was not checked or not reached */
    public Optional<RevocationEvidence> evidence() {
        return Optional.ofNullable(evidence);
    }

    /**
     * For callers that prefer exceptions.
     *
     * @return this result when valid
     * @throws CertificateValidationException the subclass matching {@link #reason()} when invalid
     */
    public ValidationResult orThrow() throws CertificateValidationException {
        if (isValid()) {
            return this;
        }
        throw CertificateValidationException.of(this);
    }

    @Override
    public String toString() {
        return reason + ": " + message + (evidence == null ? "" : " [" + evidence.describe() + "]");
    }
}
