package io.mynagate.jpki.validation;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * RFC 5280 CRL checking against configured CRLs. A CRL is used for a certificate when, in order: its
 * issuer name equals the certificate's issuer; the issuer's key usage allows cRLSign; its signature
 * verifies with the issuer's key (so a CRL of another root generation with the same name is skipped);
 * it has no critical extension (delta and indirect CRLs are not supported); it is current at the
 * validation time. Loaded CRLs are cached until their {@code nextUpdate}; a stale CRL is reloaded once
 * and, if still stale, is a failure.
 */
final class CrlSource implements RevocationSource {
    private final List<CrlLocation> locations;
    private final Duration clockSkew;
    private final Map<CrlLocation, X509CRL> cache = new ConcurrentHashMap<>();

    CrlSource(List<CrlLocation> locations, Duration clockSkew) {
        this.locations = List.copyOf(locations);
        this.clockSkew = clockSkew;
    }

    @Override
    public RevocationStatus check(X509Certificate certificate, X509Certificate issuer, Instant at)
            throws RevocationCheckException {
        List<String> problems = new ArrayList<>();
        for (CrlLocation location : locations) {
            X509CRL crl;
            try {
                crl = current(location, at);
            } catch (RevocationCheckException e) {
                problems.add(e.getMessage());
                continue;
            }
            if (!crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())) {
                continue;
            }
            String problem = unusable(crl, issuer, at);
            if (problem != null) {
                problems.add("CRL " + location.name() + ": " + problem);
                continue;
            }
            return status(crl, certificate, location);
        }
        throw new RevocationCheckException(problems.isEmpty()
                ? "no configured CRL is issued by " + certificate.getIssuerX500Principal().getName()
                : String.join("; ", problems));
    }

    /** The cached CRL while it is current at {@code at}; otherwise loads it again. */
    private X509CRL current(CrlLocation location, Instant at) throws RevocationCheckException {
        X509CRL cached = cache.get(location);
        if (cached != null && currentAt(cached, at)) {
            return cached;
        }
        X509CRL loaded = location.load();
        cache.put(location, loaded);
        return loaded;
    }

    private boolean currentAt(X509CRL crl, Instant at) {
        return freshnessProblem(crl, at) == null;
    }

    /** @return why this CRL cannot decide for a certificate of {@code issuer}, or {@code null} */
    private String unusable(X509CRL crl, X509Certificate issuer, Instant at) {
        boolean[] keyUsage = issuer.getKeyUsage();
        if (keyUsage != null && (keyUsage.length < 7 || !keyUsage[6])) {
            return "issuer key usage does not allow cRLSign";
        }
        try {
            crl.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            return "signature does not verify with the issuer's key";
        }
        if (crl.getCriticalExtensionOIDs() != null && !crl.getCriticalExtensionOIDs().isEmpty()) {
            return "unsupported critical extension " + crl.getCriticalExtensionOIDs();
        }
        return freshnessProblem(crl, at);
    }

    private String freshnessProblem(X509CRL crl, Instant at) {
        Instant thisUpdate = crl.getThisUpdate().toInstant();
        if (thisUpdate.isAfter(at.plus(clockSkew))) {
            return "thisUpdate " + thisUpdate + " is after the validation time";
        }
        if (crl.getNextUpdate() == null) {
            return "no nextUpdate, so freshness cannot be judged";
        }
        Instant nextUpdate = crl.getNextUpdate().toInstant();
        if (at.isAfter(nextUpdate.plus(clockSkew))) {
            return "stale: nextUpdate " + nextUpdate + " is before the validation time";
        }
        return null;
    }

    private static RevocationStatus status(X509CRL crl, X509Certificate certificate, CrlLocation location) {
        X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
        CrlEvidence evidence = new CrlEvidence(crl.getIssuerX500Principal().getName(), crlNumber(crl),
                crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant(), location.name());
        return new RevocationStatus(
                entry == null ? RevocationStatus.State.GOOD : RevocationStatus.State.REVOKED, evidence);
    }

    private static BigInteger crlNumber(X509CRL crl) {
        byte[] value = crl.getExtensionValue(Extension.cRLNumber.getId());
        if (value == null) {
            return null;
        }
        try {
            return ASN1Integer.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value)).getValue();
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
