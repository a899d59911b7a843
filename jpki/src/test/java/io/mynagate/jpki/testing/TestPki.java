package io.mynagate.jpki.testing;

import io.mynagate.jpki.profile.JpkiOids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.DSAParams;
import java.security.spec.DSAParameterSpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
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
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small test PKI shaped like JPKI ({@code docs/jpki.md} section 2), made with Bouncy
 * Castle: self-signed RSA roots with the JPKI-shaped DN and {@code O=JPKI-TEST}, intermediates,
 * user-authentication certificates (利用者証明用), signature certificates (署名用) with the four
 * basic attributes in subjectAltName otherNames, OCSP responder certificates and CRLs.
 *
 * <p>Every builder has JPKI defaults and knobs to break them (key size, key usage, policies,
 * validity, missing attributes, extra tagging) so tests can make the bad cases too.
 *
 * <pre>{@code
 * TestPki.Issued root = TestPki.root().signatureRoot().issue();
 * TestPki.Issued card = TestPki.signatureCertificate(root).ocspUrl("http://127.0.0.1:8080").issue();
 * }</pre>
 */
public final class TestPki {
    /** Name on test signature certificates unless overridden (kanji, UTF-8). */
    public static final String DEFAULT_NAME = "公的　花子";
    /** Address on test signature certificates unless overridden. */
    public static final String DEFAULT_ADDRESS = "東京都千代田区千代田１－１";
    /** Birth date {@code EYYYYMMDD} (era digit 4, Heisei) unless overridden. */
    public static final String DEFAULT_BIRTH_DATE = "420000229";
    /** Sex code (2 = female) unless overridden. */
    public static final String DEFAULT_SEX = "2";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime() & 0xFFFFFFFFL);
    private static final Map<String, KeyPair> SHARED_KEYS = new ConcurrentHashMap<>();

    private TestPki() {}

    /** A certificate with the key pair it certifies. */
    public record Issued(X509Certificate certificate, KeyPair keyPair) {
        /** The private key of {@link #certificate()}. */
        public PrivateKey privateKey() {
            return keyPair.getPrivate();
        }
    }

    /** A fresh RSA key pair of {@code bits}. */
    public static KeyPair rsaKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh RSA-2048 key pair. */
    public static KeyPair rsaKeyPair() {
        return rsaKeyPair(2048);
    }

    /**
     * An RSA-2048 key pair shared by every caller using the same {@code name} in this JVM; key
     * generation is the slow part of these tests, so suites that do not care reuse keys.
     */
    public static KeyPair sharedKeyPair(String name) {
        return SHARED_KEYS.computeIfAbsent(name, n -> rsaKeyPair());
    }

    /** A new unique positive serial number. */
    public static BigInteger nextSerial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet()).shiftLeft(16).or(BigInteger.valueOf(RANDOM.nextInt(0xFFFF)));
    }

    /** A self-signed root; defaults: {@code C=JP, O=JPKI-TEST, OU=JPKI for user authentication, OU=...J-LIS}, 10 years. */
    public static CertificateBuilder root() {
        return new CertificateBuilder(null)
                .subject(jpkiRootName("JPKI-TEST", "JPKI for user authentication"))
                .ca(-1)
                .keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign);
    }

    /** An intermediate CA under {@code issuer}; defaults: {@code C=JP, O=JPKI-TEST, OU=Intermediate}, pathLen 0. */
    public static CertificateBuilder intermediate(Issued issuer) {
        return new CertificateBuilder(issuer)
                .subject(new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP")
                        .addRDN(BCStyle.O, "JPKI-TEST").addRDN(BCStyle.OU, "Intermediate").build())
                .ca(0)
                .keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign);
    }

    /** A user-authentication certificate: {@code C=JP, CN=<opaque>}, digitalSignature, authentication policy. */
    public static CertificateBuilder authenticationCertificate(Issued issuer) {
        return new CertificateBuilder(issuer)
                .subject(new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP")
                        .addRDN(BCStyle.CN, opaqueId()).build())
                .keyUsage(KeyUsage.digitalSignature)
                .policies(JpkiOids.POLICY_AUTHENTICATION);
    }

    /**
     * A signature certificate: {@code C=JP, L=東京都, L=千代田区, CN=<id>}, digitalSignature and
     * nonRepudiation, signature policy, and the four attributes with the defaults above.
     */
    public static CertificateBuilder signatureCertificate(Issued issuer) {
        return new CertificateBuilder(issuer)
                .subject(signatureSubject("東京都", "千代田区"))
                .keyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)
                .policies(JpkiOids.POLICY_SIGNATURE)
                .attribute(JpkiOids.NAME, DEFAULT_NAME)
                .attribute(JpkiOids.NAME_SUBSTITUTED, "")
                .attribute(JpkiOids.SEX, DEFAULT_SEX)
                .attribute(JpkiOids.BIRTH_DATE, DEFAULT_BIRTH_DATE)
                .attribute(JpkiOids.ADDRESS, DEFAULT_ADDRESS)
                .attribute(JpkiOids.ADDRESS_SUBSTITUTED, "");
    }

    /** An OCSP responder certificate (delegated responder): digitalSignature, EKU id-kp-OCSPSigning. */
    public static CertificateBuilder ocspResponderCertificate(Issued issuer) {
        return new CertificateBuilder(issuer)
                .subject(new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP")
                        .addRDN(BCStyle.O, "JPKI-TEST").addRDN(BCStyle.CN, "OCSP responder").build())
                .keyUsage(KeyUsage.digitalSignature)
                .extendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning);
    }

    /** {@code C=JP, O=<organization>, OU=<unit>, OU=Japan Agency for Local Authority Information Systems}. */
    public static X500Name jpkiRootName(String organization, String unit) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP")
                .addRDN(BCStyle.O, organization).addRDN(BCStyle.OU, unit)
                .addRDN(BCStyle.OU, "Japan Agency for Local Authority Information Systems").build();
    }

    /** {@code C=JP, L=<prefecture>, L=<municipality>, CN=<opaque id>}. */
    public static X500Name signatureSubject(String prefecture, String municipality) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP")
                .addRDN(BCStyle.L, prefecture).addRDN(BCStyle.L, municipality)
                .addRDN(BCStyle.CN, opaqueId()).build();
    }

    private static String opaqueId() {
        return String.format("%016X", RANDOM.nextLong());
    }

    /** A CRL signed by {@code issuer}, CRL number {@code number}, revoking the given serials (reason unspecified). */
    public static X509CRL crl(Issued issuer, BigInteger number, Instant thisUpdate, Instant nextUpdate,
            List<BigInteger> revokedSerials) {
        TestCrl.Builder builder = TestCrl.by(issuer).number(number.longValueExact()).validity(thisUpdate, nextUpdate);
        revokedSerials.forEach(serial -> builder.revoke(serial, CRLReason.unspecified));
        return builder.build();
    }

    /** A fresh DSA-2048 key pair (with domain parameters). */
    public static KeyPair dsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("DSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh DSA key pair with the domain parameters of {@code other} (so a certificate may inherit them). */
    public static KeyPair dsaKeyPairWithParametersOf(KeyPair other) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("DSA");
            DSAParams params = ((DSAPublicKey) other.getPublic()).getParams();
            generator.initialize(new DSAParameterSpec(params.getP(), params.getQ(), params.getG()),
                    RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 with the signing key's algorithm: SHA256withRSA, SHA256withDSA or SHA256withECDSA. */
    public static String defaultSignatureAlgorithm(PrivateKey signingKey) {
        switch (signingKey.getAlgorithm()) {
            case "DSA": return "SHA256withDSA";
            case "EC": return "SHA256withECDSA";
            default: return "SHA256withRSA";
        }
    }

    /** Builder of one certificate; {@code issue()} signs it with SHA256withRSA. */
    public static final class CertificateBuilder {
        private final Issued issuer;
        private X500Name subject;
        private KeyPair keyPair;
        private int keyBits = 2048;
        private BigInteger serial;
        private Instant notBefore = Instant.now().minus(Duration.ofDays(1));
        private Instant notAfter = Instant.now().plus(Duration.ofDays(365 * 5L));
        private Integer pathLength;
        private boolean ca;
        private Integer keyUsage;
        private KeyPurposeId[] extendedKeyUsage;
        private final List<String> policies = new ArrayList<>();
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private boolean doubleTaggedAttributes;
        private String ocspUrl;
        private String crlUrl;
        private String signatureAlgorithm;
        private boolean withoutKeyParameters;
        private final List<Extension> extraExtensions = new ArrayList<>();

        private CertificateBuilder(Issued issuer) {
            this.issuer = issuer;
        }

        /** Subject DN. */
        public CertificateBuilder subject(X500Name name) {
            this.subject = Objects.requireNonNull(name);
            return this;
        }

        /** Subject DN as an RFC 4514 string (BC style). */
        public CertificateBuilder subject(String rfc4514) {
            return subject(new X500Name(BCStyle.INSTANCE, rfc4514));
        }

        /** Shortcut for roots: the JPKI signature root DN {@code OU=JPKI for digital signature}. */
        public CertificateBuilder signatureRoot() {
            return subject(jpkiRootName("JPKI-TEST", "JPKI for digital signature"));
        }

        /** Shortcut for roots: {@code O=<organization>} in the JPKI root DN (e.g. "JPKI" for a production-like root). */
        public CertificateBuilder rootOrganization(String organization, String unit) {
            return subject(jpkiRootName(organization, unit));
        }

        /** Use this key pair instead of generating one (e.g. {@link #sharedKeyPair(String)}, or a new root generation's key). */
        public CertificateBuilder keyPair(KeyPair pair) {
            this.keyPair = pair;
            return this;
        }

        /** Size of the generated RSA key (default 2048); ignored when {@link #keyPair(KeyPair)} is set. */
        public CertificateBuilder keyBits(int bits) {
            this.keyBits = bits;
            return this;
        }

        /** Serial number (default: unique). */
        public CertificateBuilder serial(BigInteger value) {
            this.serial = value;
            return this;
        }

        /** Validity (default: from yesterday for 5 years). */
        public CertificateBuilder validity(Instant from, Instant to) {
            this.notBefore = from;
            this.notAfter = to;
            return this;
        }

        /** Makes a CA certificate with basicConstraints cA=true; {@code pathLen < 0} means no limit. */
        public CertificateBuilder ca(int pathLen) {
            this.ca = true;
            this.pathLength = pathLen < 0 ? null : pathLen;
            return this;
        }

        /** Makes an end-entity certificate (no basicConstraints), the default for non-roots. */
        public CertificateBuilder endEntity() {
            this.ca = false;
            this.pathLength = null;
            return this;
        }

        /** Key usage bits ({@link KeyUsage} constants OR-ed), or {@code null} to omit the extension. */
        public CertificateBuilder keyUsage(Integer bits) {
            this.keyUsage = bits;
            return this;
        }

        /** Extended key usages (none by default, except OCSP responder certificates). */
        public CertificateBuilder extendedKeyUsage(KeyPurposeId... purposes) {
            this.extendedKeyUsage = purposes.length == 0 ? null : purposes.clone();
            return this;
        }

        /** Replaces the certificate policy OIDs (none: no extension). */
        public CertificateBuilder policies(String... oids) {
            this.policies.clear();
            this.policies.addAll(List.of(oids));
            return this;
        }

        /** Sets an otherName attribute in the subjectAltName ({@link JpkiOids}); {@code null} removes it. */
        public CertificateBuilder attribute(String oid, String value) {
            if (value == null) {
                attributes.remove(oid);
            } else {
                attributes.put(oid, value);
            }
            return this;
        }

        /** The four attributes in one call (substitution flags empty). */
        public CertificateBuilder attributes(String name, String address, String birthDate, String sex) {
            return attribute(JpkiOids.NAME, name).attribute(JpkiOids.ADDRESS, address)
                    .attribute(JpkiOids.BIRTH_DATE, birthDate).attribute(JpkiOids.SEX, sex);
        }

        /** Removes every attribute, so no subjectAltName is written. */
        public CertificateBuilder noAttributes() {
            attributes.clear();
            return this;
        }

        /**
         * Wraps each otherName value in an extra explicit {@code [0]} tag, as some encoders do
         * ({@code [0] EXPLICIT [0] EXPLICIT UTF8String}); parsers must accept both.
         */
        public CertificateBuilder doubleTaggedAttributes() {
            this.doubleTaggedAttributes = true;
            return this;
        }

        /** Authority information access with this OCSP URL. */
        public CertificateBuilder ocspUrl(String url) {
            this.ocspUrl = url;
            return this;
        }

        /** CRL distribution point with this URL. */
        public CertificateBuilder crlUrl(String url) {
            this.crlUrl = url;
            return this;
        }

        /**
         * Writes a DSA public key without its domain parameters, so that they are inherited from the
         * issuer's DSA key (RFC 5280 section 6.1.4 (f), RFC 3279 section 2.3.2).
         */
        public CertificateBuilder withoutKeyParameters() {
            this.withoutKeyParameters = true;
            return this;
        }

        /** Signature algorithm of the issuer's signature (default: SHA-256 with the issuer key's algorithm). */
        public CertificateBuilder signatureAlgorithm(String name) {
            this.signatureAlgorithm = name;
            return this;
        }

        /** Adds any other extension. */
        public CertificateBuilder extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
            try {
                extraExtensions.add(new Extension(oid, critical, value.toASN1Primitive().getEncoded()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** Builds and signs the certificate (self-signed when this is a root). */
        public Issued issue() {
            try {
                KeyPair pair = keyPair != null ? keyPair : rsaKeyPair(keyBits);
                X500Name issuerName = issuer == null ? subject
                        : new X509CertificateHolder(issuer.certificate().getEncoded()).getSubject();
                PrivateKey signingKey = issuer == null ? pair.getPrivate() : issuer.privateKey();
                JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
                SubjectPublicKeyInfo publicKeyInfo = withoutKeyParameters
                        ? new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_dsa),
                                new ASN1Integer(((DSAPublicKey) pair.getPublic()).getY()))
                        : SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded());
                X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuerName,
                        serial != null ? serial : nextSerial(), Date.from(notBefore), Date.from(notAfter),
                        subject, publicKeyInfo);
                builder.addExtension(Extension.subjectKeyIdentifier, false,
                        utils.createSubjectKeyIdentifier(publicKeyInfo));
                if (issuer != null) {
                    builder.addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(issuer.certificate()));
                }
                if (ca) {
                    builder.addExtension(Extension.basicConstraints, true,
                            pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength));
                }
                if (keyUsage != null) {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
                }
                if (extendedKeyUsage != null) {
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(extendedKeyUsage));
                }
                if (!policies.isEmpty()) {
                    PolicyInformation[] infos = policies.stream()
                            .map(p -> new PolicyInformation(new ASN1ObjectIdentifier(p)))
                            .toArray(PolicyInformation[]::new);
                    builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(infos));
                }
                if (!attributes.isEmpty()) {
                    builder.addExtension(Extension.subjectAlternativeName, false, otherNames());
                }
                if (ocspUrl != null) {
                    builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                            new AccessDescription(AccessDescription.id_ad_ocsp,
                                    new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl))));
                }
                if (crlUrl != null) {
                    DistributionPointName name = new DistributionPointName(new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl)));
                    builder.addExtension(Extension.cRLDistributionPoints, false,
                            new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(name, null, null)}));
                }
                for (Extension extension : extraExtensions) {
                    builder.addExtension(extension);
                }
                X509CertificateHolder holder = builder.build(
                        new JcaContentSignerBuilder(signatureAlgorithm != null ? signatureAlgorithm
                                : defaultSignatureAlgorithm(signingKey)).build(signingKey));
                return new Issued(new JcaX509CertificateConverter().getCertificate(holder), pair);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException | OperatorCreationException e) {
                throw new IllegalStateException(e);
            }
        }

        private GeneralNames otherNames() {
            GeneralName[] names = attributes.entrySet().stream().map(e -> {
                ASN1Encodable value = new DERTaggedObject(true, 0, new DERUTF8String(e.getValue()));
                if (doubleTaggedAttributes) {
                    value = new DERTaggedObject(true, 0, value);
                }
                return new GeneralName(GeneralName.otherName,
                        new DERSequence(new ASN1Encodable[] {new ASN1ObjectIdentifier(e.getKey()), value}));
            }).toArray(GeneralName[]::new);
            return new GeneralNames(names);
        }
    }
}
