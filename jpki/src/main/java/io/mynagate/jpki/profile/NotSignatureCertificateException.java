package io.mynagate.jpki.profile;

import io.mynagate.jpki.Reason;

/** Basic attributes were asked of a certificate that is not a signature certificate (署名用電子証明書). */
public final class NotSignatureCertificateException extends CertificateProfileException {
    private static final long serialVersionUID = 1L;

    /** @param actual what the certificate was recognised as */
    public NotSignatureCertificateException(CertificateKind actual) {
        super(Reason.NOT_SIGNATURE_CERTIFICATE, "the basic attributes are only in a signature certificate, this is " + actual);
    }
}
