package io.mynagate.jpki.validation;

import io.mynagate.jpki.Reason;

import io.mynagate.jpki.JpkiException;

/**
 * A certificate did not validate. Thrown by {@link ValidationResult#orThrow()} and
 * {@link CertificateValidator#validateOrThrow}; each group of reasons has its own subclass, and
 * {@link #result()} keeps the exact reason and evidence.
 */
public abstract class CertificateValidationException extends JpkiException {
    private static final long serialVersionUID = 1L;

    private final transient ValidationResult result;

    CertificateValidationException(ValidationResult result) {
        super(result.reason(), result.reason().code() + ": " + result.message());
        this.result = result;
    }

    /** @return the invalid result with reason, message and evidence */
    public ValidationResult result() {
        return result;
    }

    static CertificateValidationException of(ValidationResult result) {
        switch (result.reason()) {
            case NO_TRUSTED_PATH:
            case TEST_ROOT_REFUSED:
            case INVALID_PATH:
                return new UntrustedCertificateException(result);
            case WRONG_KEY_TYPE:
            case PROFILE_MISMATCH:
            case MALFORMED_CERTIFICATE:
                return new ProfileMismatchException(result);
            case EXPIRED:
            case NOT_YET_VALID:
                return new CertificateNotValidAtTimeException(result);
            case REVOKED:
                return new CertificateRevokedException(result);
            case REVOCATION_UNKNOWN:
            case REVOCATION_UNAVAILABLE:
                return new RevocationUnavailableException(result);
            default:
                throw new IllegalArgumentException("not a rejection: " + result.reason());
        }
    }
}
