package io.mynagate.jpki.validation;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;

/**
 * One CRL as loaded, with what processing needs parsed once: the issuing distribution point, the CRL
 * number, the delta CRL indicator, the Freshest CRL pointer, and every entry keyed by certificate issuer
 * and serial number (the certificateIssuer entry extension of an indirect CRL applies to its entry and
 * the entries after it, RFC 5280 section 5.3.3).
 *
 * <p>A CRL that this code cannot process completely is kept with the reason in {@link #unprocessable()}
 * and is never used: an unknown critical CRL or entry extension (RFC 5280 sections 5.2 and 5.3), a
 * certificateIssuer entry in a CRL that is not indirect, removeFromCRL outside a delta CRL (section
 * 5.3.1), an issuing distribution point that asserts more than one of the "only contains" flags.
 */
final class LoadedCrl {
    /** CRL extensions processed (or safely informational) here; any other critical one is refused. */
    private static final Set<ASN1ObjectIdentifier> KNOWN_CRL_EXTENSIONS = Set.of(Extension.authorityKeyIdentifier,
            Extension.issuerAlternativeName, Extension.cRLNumber, Extension.deltaCRLIndicator,
            Extension.issuingDistributionPoint, Extension.freshestCRL, Extension.authorityInfoAccess);
    /** Entry extensions of RFC 5280 section 5.3; any other critical one is refused. */
    private static final Set<ASN1ObjectIdentifier> KNOWN_ENTRY_EXTENSIONS = Set.of(Extension.reasonCode,
            Extension.instructionCode, Extension.invalidityDate, Extension.certificateIssuer);

    private record IssuerSerial(X500Principal issuer, BigInteger serial) {}

    private final X509CRL crl;
    private final String location;
    private final IssuingDistributionPoint idp;
    private final BigInteger number;
    private final BigInteger baseNumber;
    private final boolean announcesDeltas;
    private final byte[] authorityKeyId;
    private final String unprocessable;
    private final Map<IssuerSerial, Integer> entries;

    private LoadedCrl(X509CRL crl, String location, IssuingDistributionPoint idp, BigInteger number,
            BigInteger baseNumber, boolean announcesDeltas, byte[] authorityKeyId, String unprocessable,
            Map<IssuerSerial, Integer> entries) {
        this.crl = crl;
        this.location = location;
        this.idp = idp;
        this.number = number;
        this.baseNumber = baseNumber;
        this.announcesDeltas = announcesDeltas;
        this.authorityKeyId = authorityKeyId;
        this.unprocessable = unprocessable;
        this.entries = entries;
    }

    /** Parses {@code crl}; never fails: what cannot be processed is recorded in {@link #unprocessable()}. */
    static LoadedCrl of(X509CRL crl, String location) {
        X509CRLHolder holder;
        try {
            holder = new X509CRLHolder(crl.getEncoded());
        } catch (IOException | CRLException | RuntimeException e) {
            return refused(crl, location, "does not parse");
        }
        Extensions extensions = holder.getExtensions();
        try {
            String problem = unknownCritical(extensions, KNOWN_CRL_EXTENSIONS, "CRL");
            Extension idpExtension = extensions == null ? null
                    : extensions.getExtension(Extension.issuingDistributionPoint);
            IssuingDistributionPoint idp = idpExtension == null ? null
                    : IssuingDistributionPoint.getInstance(idpExtension.getParsedValue());
            if (problem == null && idp != null && onlyFlags(idp) > 1) {
                problem = "issuing distribution point asserts more than one \"only contains\" flag";
            }
            BigInteger baseNumber = integer(extensions, Extension.deltaCRLIndicator);
            Map<IssuerSerial, Integer> entries = new HashMap<>();
            if (problem == null) {
                problem = readEntries(holder, idp != null && idp.isIndirectCRL(), baseNumber != null, entries);
            }
            return new LoadedCrl(crl, location, idp, integer(extensions, Extension.cRLNumber), baseNumber,
                    extensions != null && extensions.getExtension(Extension.freshestCRL) != null,
                    authorityKeyId(extensions), problem, Collections.unmodifiableMap(entries));
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            return refused(crl, location, "malformed extension");
        }
    }

    private static LoadedCrl refused(X509CRL crl, String location, String problem) {
        return new LoadedCrl(crl, location, null, null, null, false, null, problem, Map.of());
    }

    private static String unknownCritical(Extensions extensions, Set<ASN1ObjectIdentifier> known, String what) {
        if (extensions == null) {
            return null;
        }
        for (ASN1ObjectIdentifier oid : extensions.getCriticalExtensionOIDs()) {
            if (!known.contains(oid)) {
                return "unsupported critical " + what + " extension " + oid.getId();
            }
        }
        return null;
    }

    private static int onlyFlags(IssuingDistributionPoint idp) {
        return (idp.onlyContainsUserCerts() ? 1 : 0) + (idp.onlyContainsCACerts() ? 1 : 0)
                + (idp.onlyContainsAttributeCerts() ? 1 : 0);
    }

    /** Fills {@code entries}; @return why the entries cannot be processed, or {@code null} */
    private static String readEntries(X509CRLHolder holder, boolean indirect, boolean delta,
            Map<IssuerSerial, Integer> entries) {
        List<X500Principal> issuers = List.of(principal(holder.getIssuer()));
        for (Object item : holder.getRevokedCertificates()) {
            X509CRLEntryHolder entry = (X509CRLEntryHolder) item;
            Extensions extensions = entry.getExtensions();
            String problem = unknownCritical(extensions, KNOWN_ENTRY_EXTENSIONS, "CRL entry");
            if (problem != null) {
                return problem;
            }
            Extension certificateIssuer = extensions == null ? null : extensions.getExtension(Extension.certificateIssuer);
            if (certificateIssuer != null) {
                if (!indirect) {
                    return "certificateIssuer entry in a CRL that is not indirect";
                }
                issuers = directoryNames(GeneralNames.getInstance(certificateIssuer.getParsedValue()));
            }
            int reason = reason(extensions);
            if (reason == CRLReason.removeFromCRL && !delta) {
                return "removeFromCRL entry in a CRL that is not a delta CRL";
            }
            for (X500Principal issuer : issuers) {
                entries.putIfAbsent(new IssuerSerial(issuer, entry.getSerialNumber()), reason);
            }
        }
        return null;
    }

    private static int reason(Extensions extensions) {
        Extension code = extensions == null ? null : extensions.getExtension(Extension.reasonCode);
        return code == null ? CRLReason.unspecified : CRLReason.getInstance(code.getParsedValue()).getValue().intValue();
    }

    private static List<X500Principal> directoryNames(GeneralNames names) {
        return Arrays.stream(names.getNames())
                .filter(name -> name.getTagNo() == GeneralName.directoryName)
                .map(name -> principal(X500Name.getInstance(name.getName())))
                .toList();
    }

    static X500Principal principal(X500Name name) {
        try {
            return new X500Principal(name.getEncoded());
        } catch (IOException e) {
            throw new IllegalArgumentException("unencodable name", e);
        }
    }

    private static BigInteger integer(Extensions extensions, ASN1ObjectIdentifier oid) {
        Extension extension = extensions == null ? null : extensions.getExtension(oid);
        return extension == null ? null : ASN1Integer.getInstance(extension.getParsedValue()).getPositiveValue();
    }

    private static byte[] authorityKeyId(Extensions extensions) {
        AuthorityKeyIdentifier aki = extensions == null ? null : AuthorityKeyIdentifier.fromExtensions(extensions);
        return aki == null ? null : aki.getKeyIdentifierOctets();
    }

    X509CRL crl() {
        return crl;
    }

    String location() {
        return location;
    }

    X500Principal issuer() {
        return crl.getIssuerX500Principal();
    }

    /** @return the issuing distribution point (RFC 5280 section 5.2.5), or {@code null} */
    IssuingDistributionPoint idp() {
        return idp;
    }

    /** @return the cRLNumber (section 5.2.3), or {@code null} */
    BigInteger number() {
        return number;
    }

    /** @return the BaseCRLNumber of a delta CRL (section 5.2.4), or {@code null} for a complete CRL */
    BigInteger baseNumber() {
        return baseNumber;
    }

    boolean isDelta() {
        return baseNumber != null;
    }

    /** @return whether the CRL has a Freshest CRL extension (section 5.2.6): delta CRLs exist for it */
    boolean announcesDeltas() {
        return announcesDeltas;
    }

    /** @return the authority key identifier's keyIdentifier, or {@code null} */
    byte[] authorityKeyId() {
        return authorityKeyId == null ? null : authorityKeyId.clone();
    }

    /** @return why this CRL must not be used, or {@code null} when it can be processed */
    String unprocessable() {
        return unprocessable;
    }

    Instant thisUpdate() {
        return crl.getThisUpdate().toInstant();
    }

    /** @return the nextUpdate, or {@code null} when absent */
    Instant nextUpdate() {
        return crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant();
    }

    /**
     * @param skew tolerated clock difference
     * @return why the CRL is not current at {@code at} (thisUpdate in the future, no nextUpdate, or
     *     nextUpdate passed), or {@code null} when it is current
     */
    String staleness(Instant at, Duration skew) {
        Instant thisUpdate = thisUpdate();
        if (thisUpdate.isAfter(at.plus(skew))) {
            return "thisUpdate " + thisUpdate + " is after the validation time";
        }
        Instant nextUpdate = nextUpdate();
        if (nextUpdate == null) {
            return "no nextUpdate, so freshness cannot be judged";
        }
        if (at.isAfter(nextUpdate.plus(skew))) {
            return "stale: nextUpdate " + nextUpdate + " is before the validation time";
        }
        return null;
    }

    /**
     * @param certificateIssuer the issuer named in the certificate
     * @param serial the certificate's serial number
     * @return the CRLReason value of its entry ({@code unspecified} when the entry has none), or
     *     {@code null} when the certificate is not listed
     */
    Integer reasonFor(X500Principal certificateIssuer, BigInteger serial) {
        return entries.get(new IssuerSerial(certificateIssuer, serial));
    }
}
