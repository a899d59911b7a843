package io.mynagate.jpki.profile;

import io.mynagate.jpki.JpkiException;

/** Root of the rejections of the certificate-profile checks: the certificate is not what JPKI issues. */
public abstract class CertificateProfileException extends JpkiException {
    private static final long serialVersionUID = 1L;

    /** @param message what was refused, without secrets or personal data */
    protected CertificateProfileException(String message) {
        super(message);
    }

    /**
     * @param message what was refused, without secrets or personal data
     * @param cause the underlying failure
     */
    protected CertificateProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
