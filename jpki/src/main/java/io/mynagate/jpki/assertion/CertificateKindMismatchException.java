package io.mynagate.jpki.assertion;

import io.mynagate.jpki.Reason;
import io.mynagate.jpki.profile.CertificateKind;

/**
 * The certificate is not the kind the purpose needs ({@link Reason#CERTIFICATE_KIND_MISMATCH}):
 * {@link Purpose#AUTH} is signed with the user-authentication certificate (利用者証明用電子証明書),
 * {@link Purpose#SHARE} with the signature certificate (署名用電子証明書).
 */
public final class CertificateKindMismatchException extends AssertionException {
    private static final long serialVersionUID = 1L;

    private final Purpose purpose;
    private final CertificateKind actual;

    /**
     * @param purpose the purpose of the assertion, not null
     * @param actual the kind of the certificate given, not null
     */
    public CertificateKindMismatchException(Purpose purpose, CertificateKind actual) {
        super(Reason.CERTIFICATE_KIND_MISMATCH, "a " + purpose.value() + " assertion needs the "
                + (purpose == Purpose.SHARE ? "signature" : "user-authentication") + " certificate, not the "
                + (actual == CertificateKind.SIGNATURE ? "signature" : "user-authentication") + " certificate");
        this.purpose = purpose;
        this.actual = actual;
    }

    /** The purpose of the assertion. */
    public Purpose purpose() {
        return purpose;
    }

    /** The kind of the certificate that was given. */
    public CertificateKind actual() {
        return actual;
    }
}
