package io.mynagate.jpki.profile;

import io.mynagate.jpki.Reason;

/**
 * The certificate is neither a JPKI user-authentication nor a signature certificate, or its
 * features contradict each other (for example nonRepudiation with the authentication policy).
 */
public final class UnrecognizedCertificateException extends CertificateProfileException {
    private static final long serialVersionUID = 1L;

    /** @param reason which feature did not fit; never certificate contents */
    public UnrecognizedCertificateException(String reason) {
        super(Reason.UNRECOGNIZED_CERTIFICATE, "not a JPKI end-entity certificate: " + reason);
    }
}
