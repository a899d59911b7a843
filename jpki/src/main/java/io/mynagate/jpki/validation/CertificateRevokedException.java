package io.mynagate.jpki.validation;

/** A certificate of the path is revoked; {@link #result()} carries the evidence. */
public final class CertificateRevokedException extends CertificateValidationException {
    private static final long serialVersionUID = 1L;

    CertificateRevokedException(ValidationResult result) {
        super(result);
    }
}
