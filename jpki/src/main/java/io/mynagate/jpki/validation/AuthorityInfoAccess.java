package io.mynagate.jpki.validation;

import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** Reads the OCSP responder URL from the authorityInfoAccess extension (RFC 5280 section 4.2.2.1). */
final class AuthorityInfoAccess {
    private AuthorityInfoAccess() {}

    static URI ocspUrl(X509Certificate certificate) throws RevocationCheckException {
        byte[] value = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (value == null) {
            throw new RevocationCheckException("certificate has no authorityInfoAccess OCSP URL");
        }
        try {
            AuthorityInformationAccess aia =
                    AuthorityInformationAccess.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value));
            for (AccessDescription description : aia.getAccessDescriptions()) {
                GeneralName location = description.getAccessLocation();
                if (description.getAccessMethod().equals(AccessDescription.id_ad_ocsp)
                        && location.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    URI uri = URI.create(ASN1IA5String.getInstance(location.getName()).getString());
                    if ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) {
                        return uri;
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new RevocationCheckException("malformed authorityInfoAccess extension", e);
        }
        throw new RevocationCheckException("certificate has no http(s) OCSP URL in authorityInfoAccess");
    }
}
