package io.mynagate.jpki.validation;

/** No authenticated, current revocation answer, or the responder does not know the certificate (fail closed). */
public final class RevocationUnavailableException extends CertificateValidationException {
    private static final long serialVersionUID = 1L;

    RevocationUnavailableException(ValidationResult result) {
        super(result);
    }
}
