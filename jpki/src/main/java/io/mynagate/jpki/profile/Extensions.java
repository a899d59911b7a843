package io.mynagate.jpki.profile;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.PolicyInformation;

/** Reads the few X.509 extensions the profile needs, with Bouncy Castle's ASN.1 parser. */
final class Extensions {
    private Extensions() {}

    /**
     * The certificate policy OIDs; empty when the extension is absent.
     *
     * @throws UnrecognizedCertificateException when the extension does not parse
     */
    static Set<String> policies(X509Certificate certificate) throws UnrecognizedCertificateException {
        Set<String> oids = new HashSet<>();
        try {
            ASN1Primitive value = extension(certificate, Extension.certificatePolicies);
            if (value != null) {
                for (PolicyInformation info : CertificatePolicies.getInstance(value).getPolicyInformation()) {
                    oids.add(info.getPolicyIdentifier().getId());
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new UnrecognizedCertificateException("certificate policies do not parse");
        }
        return oids;
    }

    /**
     * The subjectAltName otherNames under the JPKI attribute arc, OID to value (the content of the
     * otherName's {@code [0] EXPLICIT} tag, still encoded); empty when there is no subjectAltName.
     *
     * @throws MalformedAttributeException when the extension does not parse or an attribute repeats
     */
    static Map<String, ASN1Encodable> attributeOtherNames(X509Certificate certificate)
            throws MalformedAttributeException {
        Map<String, ASN1Encodable> values = new LinkedHashMap<>();
        try {
            ASN1Primitive value = extension(certificate, Extension.subjectAlternativeName);
            if (value == null) {
                return values;
            }
            for (GeneralName name : GeneralNames.getInstance(value).getNames()) {
                if (name.getTagNo() != GeneralName.otherName) {
                    continue;
                }
                ASN1Sequence otherName = ASN1Sequence.getInstance(name.getName());
                String oid = ASN1ObjectIdentifier.getInstance(otherName.getObjectAt(0)).getId();
                if (!oid.startsWith(JpkiOids.ATTRIBUTE_ARC + ".")) {
                    continue;
                }
                ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(otherName.getObjectAt(1));
                if (values.put(oid, tagged.getExplicitBaseObject()) != null) {
                    throw new MalformedAttributeException(oid, "appears more than once");
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | ClassCastException
                | ArrayIndexOutOfBoundsException e) {
            throw new MalformedAttributeException(Extension.subjectAlternativeName.getId(), "does not parse");
        }
        return values;
    }

    private static ASN1Primitive extension(X509Certificate certificate, ASN1ObjectIdentifier oid)
            throws IOException {
        byte[] wrapped = certificate.getExtensionValue(oid.getId());
        if (wrapped == null) {
            return null;
        }
        return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(wrapped).getOctets());
    }
}
