package io.mynagate.jpki.validation;

/** The certificate does not match the required JPKI profile (key type, key usage) or is malformed. */
public final class ProfileMismatchException extends CertificateValidationException {
    private static final long serialVersionUID = 1L;

    ProfileMismatchException(ValidationResult result) {
        super(result);
    }
}
