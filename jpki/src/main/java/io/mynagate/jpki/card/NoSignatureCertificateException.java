package io.mynagate.jpki.card;

import io.mynagate.jpki.Reason;

/** The token has no signature certificate (署名用電子証明書): file not found ({@code 6A82}) or empty, as on cards of residents under 15. */
public final class NoSignatureCertificateException extends JpkiCardException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public NoSignatureCertificateException() {
        super(Reason.NO_SIGNATURE_CERTIFICATE, "the token has no signature certificate");
    }
}
