package io.mynagate.jpki.validation;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds an RFC 5280 CRL {@link RevocationSource} from HTTP URLs, files and in-memory CRLs. Obtain one
 * from {@link RevocationSources#crl()}. CRLs are loaded on first use and cached until their
 * {@code nextUpdate}; a CRL that is stale at the validation time is not used (fail closed).
 *
 * <p>Processing follows RFC 5280 section 6.3.3: each CRL's scope comes from its issuing distribution
 * point, matched against the certificate's distribution points; delta CRLs are configured like complete
 * ones (a {@code deltaCRLIndicator} tells them apart) and a complete CRL or certificate that announces
 * deltas (Freshest CRL) is used only with a current delta; indirect CRLs are matched through the
 * {@code cRLIssuer} of the distribution point. A CRL may be signed by another key of its issuer or by a
 * separate CRL-signing certificate: give that certificate to the validator with the intermediates, and it
 * is used once its own path to the same trust anchor validates and it is not revoked. A CRL with an
 * unknown critical extension, or one that does not verify, never decides; a certificate no usable CRL
 * decides is {@code REVOCATION_UNAVAILABLE}.
 *
 * <p>Not thread-safe; the built source is thread-safe.
 */
public final class CrlSourceBuilder {
    private final List<URI> urls = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();
    private final List<X509CRL> crls = new ArrayList<>();
    private HttpTransport transport;
    private Duration clockSkew = Duration.ofMinutes(2);

    CrlSourceBuilder() {}

    /**
     * @param url an http(s) URL serving a DER or PEM CRL, never {@code null}
     * @return this builder
     */
    public CrlSourceBuilder url(URI url) {
        String scheme = Objects.requireNonNull(url, "url").getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("CRL URL must be http or https");
        }
        urls.add(url);
        return this;
    }

    /**
     * @param file a DER or PEM CRL file, re-read when the cached copy is stale; never {@code null}
     * @return this builder
     */
    public CrlSourceBuilder file(Path file) {
        files.add(Objects.requireNonNull(file, "file"));
        return this;
    }

    /**
     * @param crl a CRL held in memory (never refreshed), never {@code null}
     * @return this builder
     */
    public CrlSourceBuilder crl(X509CRL crl) {
        crls.add(Objects.requireNonNull(crl, "crl"));
        return this;
    }

    /**
     * @param transport the HTTP transport for URLs, never {@code null}; default {@link HttpTransport#createDefault()}
     * @return this builder
     */
    public CrlSourceBuilder transport(HttpTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        return this;
    }

    /**
     * @param skew tolerated clock difference for thisUpdate/nextUpdate, zero or positive; default 2 minutes
     * @return this builder
     */
    public CrlSourceBuilder clockSkew(Duration skew) {
        if (skew == null || skew.isNegative()) {
            throw new IllegalArgumentException("clockSkew must be zero or positive");
        }
        this.clockSkew = skew;
        return this;
    }

    /**
     * @return a thread-safe CRL source
     * @throws IllegalStateException when no CRL location is configured
     */
    public RevocationSource build() {
        if (urls.isEmpty() && files.isEmpty() && crls.isEmpty()) {
            throw new IllegalStateException("a CRL source needs at least one URL, file or CRL");
        }
        HttpTransport http = transport == null ? HttpTransport.createDefault() : transport;
        List<CrlLocation> locations = new ArrayList<>();
        crls.forEach(crl -> locations.add(CrlLocation.fixed(crl)));
        files.forEach(file -> locations.add(CrlLocation.file(file)));
        urls.forEach(url -> locations.add(CrlLocation.url(url, http)));
        return new CrlSource(locations, clockSkew);
    }
}
