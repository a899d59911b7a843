package io.mynagate.simulator.pki;

import io.mynagate.jpki.profile.JpkiOids;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Builds the test PKI's certificates with Bouncy Castle: RSA-2048, sha256WithRSAEncryption. */
final class CertificateMaker {
    static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String J_LIS = "Japan Agency for Local Authority Information Systems";
    private static final String TEST_ORGANIZATION = "JPKI-TEST";

    private CertificateMaker() {}

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA unavailable", e);
        }
    }

    /** Positive, non-zero, at most 64 bits: the same for every generation, unique by chance. */
    static BigInteger newSerial() {
        return new BigInteger(63, RANDOM).add(BigInteger.ONE);
    }

    /** {@code C=JP, O=JPKI-TEST, OU=<kind>, OU=Japan Agency for Local Authority Information Systems}. */
    static X500Name rootName(CertKind kind) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "JP")
                .addRDN(BCStyle.O, TEST_ORGANIZATION)
                .addRDN(BCStyle.OU, kind.organizationalUnit())
                .addRDN(BCStyle.OU, J_LIS)
                .build();
    }

    static X509Certificate root(CertKind kind, KeyPair keys, Instant notBefore, Instant notAfter) {
        X500Name name = rootName(kind);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, newSerial(),
                    Date.from(notBefore), Date.from(notAfter), name, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            utils.createSubjectKeyIdentifier(keys.getPublic()));
            return sign(builder, keys.getPrivate());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build root", e);
        }
    }

    /** Delegated OCSP responder: EKU OCSPSigning and id-pkix-ocsp-nocheck (RFC 6960 4.2.2.2). */
    static X509Certificate responder(CertKind kind, int generation, X509Certificate root, PrivateKey rootKey,
            PublicKey responderKey, Instant notBefore, Instant notAfter) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "JP")
                .addRDN(BCStyle.O, TEST_ORGANIZATION)
                .addRDN(BCStyle.OU, kind.organizationalUnit())
                .addRDN(BCStyle.CN, "OCSP Responder " + kind.id() + " G" + generation)
                .build();
        try {
            X509v3CertificateBuilder builder = endEntity(root, subject, responderKey, notBefore, notAfter)
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning))
                    .addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
            return sign(builder, rootKey);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build responder certificate", e);
        }
    }

    /** User-authentication certificate: {@code C=JP, CN=<opaque>}, no personal data. */
    static X509Certificate authentication(X509Certificate root, PrivateKey rootKey, PublicKey key, String opaqueId,
            Instant notBefore, Instant notAfter, String ocspUrl, String crlUrl) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "JP")
                .addRDN(BCStyle.CN, opaqueId)
                .build();
        try {
            X509v3CertificateBuilder builder = endEntity(root, subject, key, notBefore, notAfter)
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.certificatePolicies, false, policy(JpkiOids.POLICY_AUTHENTICATION));
            revocationPointers(builder, ocspUrl, crlUrl);
            return sign(builder, rootKey);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build authentication certificate", e);
        }
    }

    /** Signature certificate: two {@code L=}, the four attributes as SAN otherNames (UTF8String). */
    static X509Certificate signature(X509Certificate root, PrivateKey rootKey, PublicKey key, String opaqueId,
            Resident resident, Instant notBefore, Instant notAfter, String ocspUrl, String crlUrl) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "JP")
                .addRDN(BCStyle.L, resident.prefecture())
                .addRDN(BCStyle.L, resident.municipality())
                .addRDN(BCStyle.CN, opaqueId)
                .build();
        GeneralNames attributes = new GeneralNames(new GeneralName[] {
            otherName(JpkiOids.NAME, resident.name()),
            otherName(JpkiOids.NAME_SUBSTITUTED, ""),
            otherName(JpkiOids.SEX, Integer.toString(resident.sex())),
            otherName(JpkiOids.BIRTH_DATE, resident.eraBirthDate()),
            otherName(JpkiOids.ADDRESS, resident.address()),
            otherName(JpkiOids.ADDRESS_SUBSTITUTED, ""),
        });
        try {
            X509v3CertificateBuilder builder = endEntity(root, subject, key, notBefore, notAfter)
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.certificatePolicies, false, policy(JpkiOids.POLICY_SIGNATURE))
                    .addExtension(Extension.subjectAlternativeName, false, attributes);
            revocationPointers(builder, ocspUrl, crlUrl);
            return sign(builder, rootKey);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build signature certificate", e);
        }
    }

    private static X509v3CertificateBuilder endEntity(X509Certificate root, X500Name subject, PublicKey key,
            Instant notBefore, Instant notAfter) throws GeneralSecurityException, CertIOException {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        X500Name issuer = X500Name.getInstance(root.getSubjectX500Principal().getEncoded());
        return new JcaX509v3CertificateBuilder(issuer, newSerial(), Date.from(notBefore), Date.from(notAfter),
                subject, key)
                .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(root.getPublicKey()))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
    }

    private static void revocationPointers(X509v3CertificateBuilder builder, String ocspUrl, String crlUrl)
            throws CertIOException {
        builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                new AccessDescription(AccessDescription.id_ad_ocsp,
                        new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl))));
        DistributionPointName where = new DistributionPointName(
                new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl)));
        builder.addExtension(Extension.cRLDistributionPoints, false,
                new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(where, null, null)}));
    }

    private static CertificatePolicies policy(String oid) {
        return new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(oid)));
    }

    private static GeneralName otherName(String oid, String value) {
        ASN1Encodable[] parts = {new ASN1ObjectIdentifier(oid), new DERTaggedObject(true, 0, new DERUTF8String(value))};
        return new GeneralName(GeneralName.otherName, new DERSequence(parts));
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("signer unavailable", e);
        }
    }

}
