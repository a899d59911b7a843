package io.mynagate.jpki.validation;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * Whether a CRL covers a certificate for one of its distribution points, and for which reasons: RFC 5280
 * section 6.3.3 (b) (CRL issuer and issuing distribution point scope) and (d) (the interim reasons mask).
 */
final class CrlScope {
    private CrlScope() {}

    /**
     * The distribution points to process, in order: those of the certificate's cRLDistributionPoints,
     * then the one section 6.3.3 assumes for CRLs "not specified in a distribution point but issued by the
     * certificate issuer": named by the issuer's name (and issuerAltName), all reasons, no cRLIssuer.
     *
     * @throws IllegalArgumentException when the certificate's extensions do not parse
     */
    static List<DistributionPoint> distributionPoints(X509Certificate certificate) {
        List<DistributionPoint> points = new ArrayList<>();
        ASN1Primitive value = extension(certificate, Extension.cRLDistributionPoints.getId());
        if (value != null) {
            points.addAll(List.of(CRLDistPoint.getInstance(value).getDistributionPoints()));
        }
        List<GeneralName> issuerNames = new ArrayList<>();
        issuerNames.add(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded())));
        ASN1Primitive issuerAltName = extension(certificate, Extension.issuerAlternativeName.getId());
        if (issuerAltName != null) {
            issuerNames.addAll(List.of(GeneralNames.getInstance(issuerAltName).getNames()));
        }
        points.add(new DistributionPoint(new DistributionPointName(
                new GeneralNames(issuerNames.toArray(GeneralName[]::new))), null, null));
        return points;
    }

    /** @return whether the certificate or a CRL announces delta CRLs (Freshest CRL, section 4.2.1.15) */
    static boolean announcesDeltas(X509Certificate certificate) {
        return certificate.getExtensionValue(Extension.freshestCRL.getId()) != null;
    }

    /**
     * Section 6.3.3 (b).
     *
     * @return why {@code crl} does not cover {@code certificate} for {@code point}, or {@code null}
     */
    static String outOfScope(LoadedCrl crl, X509Certificate certificate, DistributionPoint point) {
        IssuingDistributionPoint idp = crl.idp();
        String problem = issuerProblem(crl, certificate, point);
        if (problem != null || idp == null) {
            return problem;
        }
        if (idp.getDistributionPoint() != null && !namesMatch(crl, idp, certificate, point)) {
            return "its issuing distribution point names another distribution point";
        }
        boolean ca = certificate.getBasicConstraints() >= 0;
        if (idp.onlyContainsUserCerts() && ca) {
            return "only end-entity certificates (onlyContainsUserCerts)";
        }
        if (idp.onlyContainsCACerts() && !ca) {
            return "only CA certificates (onlyContainsCACerts)";
        }
        if (idp.onlyContainsAttributeCerts()) {
            return "only attribute certificates (onlyContainsAttributeCerts)";
        }
        return null;
    }

    /**
     * @return whether the CRL is by the certificate's issuer or the distribution point's cRLIssuer, so
     *     that its being out of scope is worth telling
     */
    static boolean related(LoadedCrl crl, X509Certificate certificate, DistributionPoint point) {
        return crl.issuer().equals(certificate.getIssuerX500Principal())
                || point.getCRLIssuer() != null && directoryNames(point.getCRLIssuer()).contains(crl.issuer());
    }

    /** (b)(1): the CRL issuer is the distribution point's cRLIssuer (an indirect CRL) or the certificate's issuer. */
    private static String issuerProblem(LoadedCrl crl, X509Certificate certificate, DistributionPoint point) {
        if (point.getCRLIssuer() == null) {
            return crl.issuer().equals(certificate.getIssuerX500Principal()) ? null
                    : "not issued by the certificate's issuer";
        }
        if (!directoryNames(point.getCRLIssuer()).contains(crl.issuer())) {
            return "not issued by the distribution point's cRLIssuer";
        }
        if (crl.idp() == null || !crl.idp().isIndirectCRL()) {
            return "the distribution point names a cRLIssuer but the CRL is not indirect (indirectCRL)";
        }
        return null;
    }

    /** (b)(2)(i): a name of the IDP equals a name of the distribution point, or of its cRLIssuer. */
    private static boolean namesMatch(LoadedCrl crl, IssuingDistributionPoint idp, X509Certificate certificate,
            DistributionPoint point) {
        List<GeneralName> crlNames = fullNames(idp.getDistributionPoint(), List.of(crl.issuer()));
        List<GeneralName> pointNames;
        if (point.getDistributionPoint() != null) {
            List<X500Principal> relativeTo = point.getCRLIssuer() != null ? directoryNames(point.getCRLIssuer())
                    : List.of(certificate.getIssuerX500Principal());
            pointNames = fullNames(point.getDistributionPoint(), relativeTo);
        } else if (point.getCRLIssuer() != null) {
            pointNames = List.of(point.getCRLIssuer().getNames());
        } else {
            return false;
        }
        for (GeneralName name : pointNames) {
            for (GeneralName crlName : crlNames) {
                if (sameName(name, crlName)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The full names of a distribution point name; a nameRelativeToCRLIssuer is appended to each issuer. */
    private static List<GeneralName> fullNames(DistributionPointName name, List<X500Principal> relativeTo) {
        if (name.getType() == DistributionPointName.FULL_NAME) {
            return List.of(GeneralNames.getInstance(name.getName()).getNames());
        }
        RDN relative = RDN.getInstance(name.getName());
        List<GeneralName> names = new ArrayList<>();
        for (X500Principal issuer : relativeTo) {
            List<RDN> rdns = new ArrayList<>(List.of(X500Name.getInstance(issuer.getEncoded()).getRDNs()));
            rdns.add(relative);
            names.add(new GeneralName(new X500Name(rdns.toArray(RDN[]::new))));
        }
        return names;
    }

    /** Directory names compare as RFC 5280 section 7.1 names; other names by their encoding. */
    private static boolean sameName(GeneralName a, GeneralName b) {
        if (a.getTagNo() != b.getTagNo()) {
            return false;
        }
        if (a.getTagNo() == GeneralName.directoryName) {
            return LoadedCrl.principal(X500Name.getInstance(a.getName()))
                    .equals(LoadedCrl.principal(X500Name.getInstance(b.getName())));
        }
        return a.equals(b);
    }

    private static List<X500Principal> directoryNames(GeneralNames names) {
        List<X500Principal> principals = new ArrayList<>();
        for (GeneralName name : names.getNames()) {
            if (name.getTagNo() == GeneralName.directoryName) {
                principals.add(LoadedCrl.principal(X500Name.getInstance(name.getName())));
            }
        }
        return principals;
    }

    /**
     * Section 6.3.3 (d): the reasons the CRL covers for this distribution point, the intersection of the
     * IDP's onlySomeReasons and the distribution point's reasons, each "all reasons" when absent.
     */
    static ReasonsMask interimReasons(LoadedCrl crl, DistributionPoint point) {
        ReasonsMask mask = point.getReasons() == null ? ReasonsMask.ALL : ReasonsMask.of(point.getReasons());
        IssuingDistributionPoint idp = crl.idp();
        if (idp != null && idp.getOnlySomeReasons() != null) {
            mask = mask.and(ReasonsMask.of(idp.getOnlySomeReasons()));
        }
        return mask;
    }

    private static ASN1Primitive extension(X509Certificate certificate, String oid) {
        byte[] value = certificate.getExtensionValue(oid);
        if (value == null) {
            return null;
        }
        try {
            return JcaX509ExtensionUtils.parseExtensionValue(value).toASN1Primitive();
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed extension " + oid, e);
        }
    }
}
