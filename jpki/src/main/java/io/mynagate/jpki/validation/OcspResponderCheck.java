package io.mynagate.jpki.validation;

import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Who may sign an OCSP response (RFC 6960 section 4.2.2.2), tried in this order: a designated responder
 * from local configuration; the CA that issued the certificate (direct); a delegated responder whose
 * certificate is in the response, is issued and signed by that CA, carries id-kp-OCSPSigning and is valid
 * at the validation time. The response signature must verify with the chosen key.
 */
final class OcspResponderCheck {
    static final String ID_KP_OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";

    /** The authenticated signer of a response. */
    record Signer(String name, boolean delegated) {}

    private final X509Certificate designated;

    OcspResponderCheck(X509Certificate designated) {
        this.designated = designated;
    }

    Signer authenticate(BasicOCSPResp response, X509Certificate issuer, Instant at)
            throws RevocationCheckException {
        if (designated != null && validAt(designated, at) && signedBy(response, designated.getPublicKey())) {
            return new Signer(designated.getSubjectX500Principal().getName(), true);
        }
        if (signedBy(response, issuer.getPublicKey())) {
            return new Signer(issuer.getSubjectX500Principal().getName(), false);
        }
        for (X509CertificateHolder holder : response.getCerts()) {
            X509Certificate candidate = convert(holder);
            if (candidate != null && isDelegatedResponder(candidate, issuer, at)
                    && signedBy(response, candidate.getPublicKey())) {
                return new Signer(candidate.getSubjectX500Principal().getName(), true);
            }
        }
        throw new RevocationCheckException("OCSP response is not signed by the issuing CA, an authorized "
                + "delegated responder or the configured responder");
    }

    private static boolean signedBy(BasicOCSPResp response, PublicKey key) {
        try {
            return response.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
        } catch (OCSPException | OperatorCreationException e) {
            return false;
        }
    }

    static boolean isDelegatedResponder(X509Certificate candidate, X509Certificate issuer, Instant at) {
        if (!candidate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            candidate.verify(issuer.getPublicKey());
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return false;
        }
        return hasOcspSigning(candidate) && validAt(candidate, at);
    }

    private static boolean hasOcspSigning(X509Certificate candidate) {
        try {
            List<String> eku = candidate.getExtendedKeyUsage();
            return eku != null && eku.contains(ID_KP_OCSP_SIGNING);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static boolean validAt(X509Certificate certificate, Instant at) {
        try {
            certificate.checkValidity(Date.from(at));
            return true;
        } catch (CertificateException e) {
            return false;
        }
    }

    private static X509Certificate convert(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            return null;
        }
    }
}
