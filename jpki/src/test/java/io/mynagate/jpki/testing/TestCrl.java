package io.mynagate.jpki.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.ReasonFlags;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * CRLs made with Bouncy Castle's {@code X509v2CRLBuilder} for the RFC 5280 section 6.3 cases: issuing
 * distribution points (critical, as section 5.2.5 requires) with their scopes, indirect CRLs with
 * certificateIssuer entries, delta CRLs and the Freshest CRL pointer, unknown critical extensions.
 * Also the certificate side: distribution points for {@link TestPki.CertificateBuilder#extension}.
 *
 * <pre>{@code
 * X509CRL crl = TestCrl.by(ca).number(10).distributionPoint("http://crl.example.test/1.crl")
 *         .onlyUserCertificates().revoke(card.certificate()).build();
 * }</pre>
 */
public final class TestCrl {
    private TestCrl() {}

    /** A CRL signed by {@code signer}, issuer name its subject, number 1, current from an hour ago for a day. */
    public static Builder by(TestPki.Issued signer) {
        return new Builder(signer);
    }

    /** A cRLDistributionPoints (or freshestCRL) value with these points. */
    public static CRLDistPoint distributionPoints(DistributionPoint... points) {
        return new CRLDistPoint(points);
    }

    /** A distribution point with a URI full name, all reasons, no cRLIssuer. */
    public static DistributionPoint point(String uri) {
        return new DistributionPoint(uriName(uri), null, null);
    }

    /** A distribution point with a URI full name whose CRL is issued by {@code crlIssuer} (an indirect CRL). */
    public static DistributionPoint point(String uri, X509Certificate crlIssuer) {
        return new DistributionPoint(uriName(uri), null, new GeneralNames(directoryName(crlIssuer)));
    }

    /** A distribution point with a URI full name for these reasons only ({@link ReasonFlags} bits). */
    public static DistributionPoint point(String uri, int reasonFlags) {
        return new DistributionPoint(uriName(uri), new ReasonFlags(reasonFlags), null);
    }

    /** A distribution point named relative to the CRL issuer: its name plus {@code CN=<commonName>}. */
    public static DistributionPoint relativePoint(String commonName) {
        return new DistributionPoint(relativeName(commonName), null, null);
    }

    /** The directoryName of {@code certificate}'s subject. */
    public static GeneralName directoryName(X509Certificate certificate) {
        try {
            return new GeneralName(new X509CertificateHolder(certificate.getEncoded()).getSubject());
        } catch (IOException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DistributionPointName uriName(String uri) {
        return new DistributionPointName(new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, uri)));
    }

    private static DistributionPointName relativeName(String commonName) {
        return new DistributionPointName(DistributionPointName.NAME_RELATIVE_TO_CRL_ISSUER,
                new DERSet(new AttributeTypeAndValue(BCStyle.CN,
                        new DERUTF8String(commonName))));
    }

    /** One revoked certificate entry. */
    private record Entry(BigInteger serial, int reason, GeneralNames certificateIssuer, Extension extra) {}

    /** Builder of one CRL; {@link #build()} signs it with the signer's key (RSA, DSA or EC). */
    public static final class Builder {
        private final TestPki.Issued signer;
        private BigInteger number = BigInteger.ONE;
        private Instant thisUpdate = Instant.now().minus(Duration.ofHours(1));
        private Instant nextUpdate = Instant.now().plus(Duration.ofDays(1));
        private final List<Entry> entries = new ArrayList<>();
        private final List<Extension> extensions = new ArrayList<>();
        private DistributionPointName idpName;
        private boolean onlyUser;
        private boolean onlyCa;
        private boolean onlyAttribute;
        private boolean indirect;
        private ReasonFlags onlySomeReasons;
        private boolean idpCritical = true;
        private BigInteger baseNumber;
        private boolean authorityKeyIdentifier = true;

        private Builder(TestPki.Issued signer) {
            this.signer = signer;
        }

        /** The cRLNumber (default 1). */
        public Builder number(long value) {
            this.number = BigInteger.valueOf(value);
            return this;
        }

        /** thisUpdate and nextUpdate. */
        public Builder validity(Instant from, Instant next) {
            this.thisUpdate = from;
            this.nextUpdate = next;
            return this;
        }

        /** Lists {@code certificate} (reason unspecified, so no reasonCode). */
        public Builder revoke(X509Certificate certificate) {
            return revoke(certificate.getSerialNumber(), CRLReason.unspecified);
        }

        /** Lists {@code certificate} with this {@link CRLReason} value. */
        public Builder revoke(X509Certificate certificate, int reason) {
            return revoke(certificate.getSerialNumber(), reason);
        }

        /** Lists a serial number with this {@link CRLReason} value. */
        public Builder revoke(BigInteger serial, int reason) {
            entries.add(new Entry(serial, reason, null, null));
            return this;
        }

        /**
         * Lists {@code certificate} with a (critical) certificateIssuer entry extension naming its issuer:
         * this entry and the following ones are of that issuer (RFC 5280 section 5.3.3).
         */
        public Builder revokeOfIssuer(X509Certificate certificate, int reason) {
            entries.add(new Entry(certificate.getSerialNumber(), reason, new GeneralNames(
                    new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))), null));
            return this;
        }

        /** Lists a serial number with an extra entry extension. */
        public Builder revokeWithEntryExtension(BigInteger serial, ASN1ObjectIdentifier oid, boolean critical) {
            try {
                entries.add(new Entry(serial, CRLReason.unspecified, null,
                        new Extension(oid, critical, DERNull.INSTANCE.getEncoded())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** Issuing distribution point name: this URI. */
        public Builder distributionPoint(String uri) {
            this.idpName = uriName(uri);
            return this;
        }

        /** Issuing distribution point name: the directoryName of {@code certificate}'s subject. */
        public Builder distributionPoint(X509Certificate certificate) {
            this.idpName = new DistributionPointName(new GeneralNames(directoryName(certificate)));
            return this;
        }

        /** Issuing distribution point name: the CRL issuer's name plus {@code CN=<commonName>}. */
        public Builder relativeDistributionPoint(String commonName) {
            this.idpName = relativeName(commonName);
            return this;
        }

        /** Issuing distribution point onlyContainsUserCerts. */
        public Builder onlyUserCertificates() {
            this.onlyUser = true;
            return this;
        }

        /** Issuing distribution point onlyContainsCACerts. */
        public Builder onlyCaCertificates() {
            this.onlyCa = true;
            return this;
        }

        /** Issuing distribution point onlyContainsAttributeCerts. */
        public Builder onlyAttributeCertificates() {
            this.onlyAttribute = true;
            return this;
        }

        /** Issuing distribution point onlySomeReasons ({@link ReasonFlags} bits). */
        public Builder onlySomeReasons(int reasonFlags) {
            this.onlySomeReasons = new ReasonFlags(reasonFlags);
            return this;
        }

        /** Issuing distribution point indirectCRL. */
        public Builder indirect() {
            this.indirect = true;
            return this;
        }

        /** Writes the issuing distribution point non-critical (RFC 5280 requires critical). */
        public Builder nonCriticalDistributionPoint() {
            this.idpCritical = false;
            return this;
        }

        /** Makes this a delta CRL (critical deltaCRLIndicator) on the complete CRL numbered {@code base}. */
        public Builder deltaOf(long base) {
            this.baseNumber = BigInteger.valueOf(base);
            return this;
        }

        /** A Freshest CRL extension (RFC 5280 section 5.2.6) pointing at the delta CRLs. */
        public Builder freshestCrl(String uri) {
            return extension(Extension.freshestCRL, false, distributionPoints(point(uri)));
        }

        /** Leaves out the authorityKeyIdentifier. */
        public Builder withoutAuthorityKeyIdentifier() {
            this.authorityKeyIdentifier = false;
            return this;
        }

        /** Any other CRL extension. */
        public Builder extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
            try {
                extensions.add(new Extension(oid, critical, value.toASN1Primitive().getEncoded()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** Builds and signs the CRL. */
        public X509CRL build() {
            try {
                X509CertificateHolder issuer = new X509CertificateHolder(signer.certificate().getEncoded());
                X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer.getSubject(), Date.from(thisUpdate));
                builder.setNextUpdate(Date.from(nextUpdate));
                for (Entry entry : entries) {
                    builder.addCRLEntry(entry.serial(), Date.from(thisUpdate.minus(Duration.ofHours(1))),
                            entryExtensions(entry));
                }
                builder.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
                if (authorityKeyIdentifier) {
                    builder.addExtension(Extension.authorityKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(signer.certificate()));
                }
                if (idpName != null || onlyUser || onlyCa || onlyAttribute || indirect || onlySomeReasons != null) {
                    builder.addExtension(Extension.issuingDistributionPoint, idpCritical, new IssuingDistributionPoint(
                            idpName, onlyUser, onlyCa, onlySomeReasons, indirect, onlyAttribute));
                }
                if (baseNumber != null) {
                    builder.addExtension(Extension.deltaCRLIndicator, true, new ASN1Integer(baseNumber));
                }
                for (Extension extension : extensions) {
                    builder.addExtension(extension);
                }
                String algorithm = TestPki.defaultSignatureAlgorithm(signer.privateKey());
                return new JcaX509CRLConverter().getCRL(builder.build(
                        new JcaContentSignerBuilder(algorithm).build(signer.privateKey())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException | OperatorCreationException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Extensions entryExtensions(Entry entry) throws IOException {
            ExtensionsGenerator generator = new ExtensionsGenerator();
            if (entry.reason() != CRLReason.unspecified) {
                generator.addExtension(Extension.reasonCode, false, CRLReason.lookup(entry.reason()));
            }
            if (entry.certificateIssuer() != null) {
                generator.addExtension(Extension.certificateIssuer, true, entry.certificateIssuer());
            }
            if (entry.extra() != null) {
                generator.addExtension(entry.extra());
            }
            return generator.isEmpty() ? null : generator.generate();
        }
    }
}
