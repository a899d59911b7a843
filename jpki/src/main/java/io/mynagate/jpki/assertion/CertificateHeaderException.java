package io.mynagate.jpki.assertion;

import io.mynagate.jpki.Reason;

/** The {@code x5c} header is missing, has other than exactly one certificate, or the certificate does not parse. */
public final class CertificateHeaderException extends AssertionException {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, without assertion contents */
    public CertificateHeaderException(String reason) {
        super(Reason.CERTIFICATE_HEADER, reason);
    }
}
