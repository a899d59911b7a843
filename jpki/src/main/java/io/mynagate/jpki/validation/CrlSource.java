package io.mynagate.jpki.validation;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RFC 5280 section 6.3 CRL processing against configured CRLs and delta CRLs (see {@link CrlProcessing}
 * for the algorithm): the scope of the issuing distribution point, the CRL signer found by name and key
 * among the path and the supplied certificates and validated to the same trust anchor, indirect CRLs,
 * delta CRLs. Loaded CRLs are cached until their {@code nextUpdate}; a stale CRL is reloaded once and,
 * if still stale, is not used.
 *
 * <p>Called with only an issuer ({@link #check(X509Certificate, X509Certificate, Instant)}), the issuer
 * is the only possible CRL signer; the validator calls
 * {@link #check(X509Certificate, ValidatedPath, Instant)}, which can also use CRL signers among the
 * supplied intermediates.
 */
final class CrlSource implements RevocationSource {
    private final List<CrlLocation> locations;
    private final Duration clockSkew;
    private final Map<CrlLocation, LoadedCrl> cache = new ConcurrentHashMap<>();

    CrlSource(List<CrlLocation> locations, Duration clockSkew) {
        this.locations = List.copyOf(locations);
        this.clockSkew = clockSkew;
    }

    @Override
    public RevocationStatus check(X509Certificate certificate, X509Certificate issuer, Instant at)
            throws RevocationCheckException {
        return check(certificate, ValidatedPath.issuedBy(certificate, issuer), at);
    }

    @Override
    public RevocationStatus check(X509Certificate certificate, ValidatedPath path, Instant at)
            throws RevocationCheckException {
        List<String> problems = new ArrayList<>();
        List<LoadedCrl> crls = new ArrayList<>();
        for (CrlLocation location : locations) {
            try {
                crls.add(current(location, at));
            } catch (RevocationCheckException e) {
                problems.add(e.getMessage());
            }
        }
        try {
            return new CrlProcessing(crls, at, clockSkew).decide(certificate, path, problems);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // An extension of the certificate (distribution points, key identifiers) that does not parse.
            throw new RevocationCheckException("CRL processing failed: " + e.getMessage(), e);
        }
    }

    /** The cached CRL while it is current at {@code at}; otherwise loads it again. */
    private LoadedCrl current(CrlLocation location, Instant at) throws RevocationCheckException {
        LoadedCrl cached = cache.get(location);
        if (cached != null && cached.staleness(at, clockSkew) == null) {
            return cached;
        }
        LoadedCrl loaded = LoadedCrl.of(location.load(), location.name());
        cache.put(location, loaded);
        return loaded;
    }
}
