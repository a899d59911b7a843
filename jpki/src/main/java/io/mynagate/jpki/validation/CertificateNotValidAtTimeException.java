package io.mynagate.jpki.validation;

/** A certificate of the path is expired or not yet valid at the validation time. */
public final class CertificateNotValidAtTimeException extends CertificateValidationException {
    private static final long serialVersionUID = 1L;

    CertificateNotValidAtTimeException(ValidationResult result) {
        super(result);
    }
}
