package io.mynagate.jpki.validation;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAParams;
import java.security.interfaces.DSAPublicKey;
import java.security.spec.DSAPublicKeySpec;
import java.util.List;

/**
 * The public key a certificate's subject signs with, as RFC 5280 section 6.1.4 (f) ({@code
 * working_public_key_parameters}) defines it: a DSA key whose certificate omits the domain parameters
 * inherits them from the nearest DSA key above it on the path. The JDK's PKIX validator does this for
 * certificate signatures; CRL signatures need it done here.
 */
final class WorkingKey {
    private WorkingKey() {}

    /**
     * @param certificate the signer's certificate
     * @param above the certificates above it, nearest first, ending with the trust anchor
     * @return the key, with inherited DSA parameters where needed, or {@code null} when a DSA key without
     *     parameters has no DSA key with parameters above it
     */
    static PublicKey of(X509Certificate certificate, List<X509Certificate> above) {
        PublicKey key = certificate.getPublicKey();
        if (!(key instanceof DSAPublicKey dsa) || dsa.getParams() != null) {
            return key;
        }
        for (X509Certificate next : above) {
            if (!(next.getPublicKey() instanceof DSAPublicKey parent)) {
                return null;
            }
            if (parent.getParams() != null) {
                return withParameters(dsa, parent.getParams());
            }
        }
        return null;
    }

    private static PublicKey withParameters(DSAPublicKey key, DSAParams params) {
        try {
            return KeyFactory.getInstance("DSA").generatePublic(
                    new DSAPublicKeySpec(key.getY(), params.getP(), params.getQ(), params.getG()));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }
}
