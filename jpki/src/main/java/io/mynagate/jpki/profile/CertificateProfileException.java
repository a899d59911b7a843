package io.mynagate.jpki.profile;

import io.mynagate.jpki.Reason;

import io.mynagate.jpki.JpkiException;

/** Root of the rejections of the certificate-profile checks: the certificate is not what JPKI issues. */
public abstract class CertificateProfileException extends JpkiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param reason why, from the one vocabulary
     * @param message what was refused, without secrets or personal data
     */
    protected CertificateProfileException(Reason reason, String message) {
        super(reason, message);
    }

    /**
     * @param reason why, from the one vocabulary
     * @param message what was refused, without secrets or personal data
     * @param cause the underlying failure
     */
    protected CertificateProfileException(Reason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
