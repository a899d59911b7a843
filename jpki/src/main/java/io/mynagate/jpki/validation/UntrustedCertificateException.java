package io.mynagate.jpki.validation;

/** No trusted path, a refused test root, or an RFC 5280 path failure. */
public final class UntrustedCertificateException extends CertificateValidationException {
    private static final long serialVersionUID = 1L;

    UntrustedCertificateException(ValidationResult result) {
        super(result);
    }
}
