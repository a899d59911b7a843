package io.mynagate.jpki.profile;

import java.security.cert.X509Certificate;
import java.util.Set;

/**
 * The two kinds of JPKI end-entity certificate ({@code docs/jpki.md} section 2).
 *
 * <p>{@link #of(X509Certificate)} classifies defensively: the key usage decides (nonRepudiation
 * means signature), and the certificate policy OIDs and the attribute otherNames, where present,
 * must agree with it. Real end-entity policy OIDs are unconfirmed, so their absence is accepted;
 * a contradiction is not.
 */
public enum CertificateKind {
    /** User-authentication certificate (利用者証明用電子証明書): no personal data, digitalSignature only. */
    AUTHENTICATION,
    /** Signature certificate (署名用電子証明書): the four attributes, digitalSignature and nonRepudiation. */
    SIGNATURE;

    // X509Certificate.getKeyUsage() indexes (RFC 5280 section 4.2.1.3).
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;
    private static final int KEY_CERT_SIGN = 5;
    private static final int CRL_SIGN = 6;

    /**
     * Classifies a JPKI end-entity certificate. This checks the profile only, not the signature,
     * the path or the validity period.
     *
     * @param certificate the certificate, not null
     * @return its kind
     * @throws UnrecognizedCertificateException when it is a CA certificate, lacks digitalSignature, or
     *     its key usage, policies and attributes contradict each other
     */
    public static CertificateKind of(X509Certificate certificate) throws UnrecognizedCertificateException {
        if (certificate.getBasicConstraints() >= 0) {
            throw new UnrecognizedCertificateException("it is a CA certificate");
        }
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage == null) {
            throw new UnrecognizedCertificateException("no key usage extension");
        }
        if (!bit(keyUsage, DIGITAL_SIGNATURE)) {
            throw new UnrecognizedCertificateException("key usage lacks digitalSignature");
        }
        if (bit(keyUsage, KEY_CERT_SIGN) || bit(keyUsage, CRL_SIGN)) {
            throw new UnrecognizedCertificateException("key usage allows certificate or CRL signing");
        }
        CertificateKind byKeyUsage = bit(keyUsage, NON_REPUDIATION) ? SIGNATURE : AUTHENTICATION;
        checkPolicies(byKeyUsage, Extensions.policies(certificate));
        checkAttributes(byKeyUsage, certificate);
        return byKeyUsage;
    }

    private static void checkPolicies(CertificateKind kind, Set<String> policies)
            throws UnrecognizedCertificateException {
        boolean signaturePolicy = policies.contains(JpkiOids.POLICY_SIGNATURE);
        boolean authenticationPolicy = policies.contains(JpkiOids.POLICY_AUTHENTICATION);
        if (signaturePolicy && authenticationPolicy) {
            throw new UnrecognizedCertificateException("both the signature and the authentication policy");
        }
        if (kind == SIGNATURE && authenticationPolicy) {
            throw new UnrecognizedCertificateException("nonRepudiation with the authentication policy");
        }
        if (kind == AUTHENTICATION && signaturePolicy) {
            throw new UnrecognizedCertificateException("the signature policy without nonRepudiation");
        }
    }

    private static void checkAttributes(CertificateKind kind, X509Certificate certificate)
            throws UnrecognizedCertificateException {
        if (kind == SIGNATURE) {
            return; // missing attributes are reported by BasicAttributes, not here
        }
        try {
            if (!Extensions.attributeOtherNames(certificate).isEmpty()) {
                throw new UnrecognizedCertificateException("personal attributes without nonRepudiation");
            }
        } catch (MalformedAttributeException e) {
            throw new UnrecognizedCertificateException("subjectAltName does not parse");
        }
    }

    private static boolean bit(boolean[] bits, int index) {
        return bits.length > index && bits[index];
    }
}
