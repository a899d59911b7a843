package io.mynagate.jpki.pem;

import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.Reason;

/**
 * PEM text or a certificate file does not hold what {@link PemCertificates} reads: no certificate block, a
 * block of another kind, an unterminated block, invalid base64, or bytes that are not exactly one X.509
 * certificate. The message says what and where (file, line); it never quotes the content.
 * {@link #reason()} is {@link Reason#MALFORMED_CERTIFICATE}.
 */
public final class MalformedPemException extends JpkiException {
    private static final long serialVersionUID = 1L;

    MalformedPemException(String message) {
        super(Reason.MALFORMED_CERTIFICATE, message);
    }
}
