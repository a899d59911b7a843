package io.mynagate.jpki.validation;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds an RFC 6960 OCSP {@link RevocationSource}. Obtain one from {@link RevocationSources#ocsp()}.
 *
 * <p>Defaults: the responder URL from the certificate's authorityInfoAccess extension (RFC 5280 section
 * 4.2.2.1), a 32-byte request nonce that must be echoed (RFC 6960 section 4.4.1, RFC 8954), responses
 * signed by the issuing CA or by a delegated responder certified by it with id-kp-OCSPSigning (RFC 6960
 * section 4.2.2.2), 2 minutes clock skew, responses without {@code nextUpdate} accepted for 5 minutes after
 * their {@code thisUpdate}, the default {@link HttpTransport}.
 *
 * <p>The revocation status of a delegated responder's own certificate is not checked (responder
 * certificates are short-lived and usually carry id-pkix-ocsp-nocheck, RFC 6960 section 4.2.2.2.1).
 * Each check sends one POST request through the transport; wrap the source in
 * {@link RevocationSources#cached(RevocationSource)} to reuse answers while they are current.
 *
 * <p>Not thread-safe; the built source is immutable and thread-safe.
 */
public final class OcspSourceBuilder {
    private static final System.Logger LOG = System.getLogger(OcspSourceBuilder.class.getName());

    private URI responderUrl;
    private X509Certificate designatedResponder;
    private HttpTransport transport;
    private Duration clockSkew = Duration.ofMinutes(2);
    private Duration maxAgeWithoutNextUpdate = Duration.ofMinutes(5);
    private boolean nonceRequired = true;

    OcspSourceBuilder() {}

    /**
     * Sends every request to this responder instead of the certificate's AIA URL.
     *
     * @param url an http(s) URL, never {@code null}
     * @return this builder
     */
    public OcspSourceBuilder responderUrl(URI url) {
        String scheme = Objects.requireNonNull(url, "url").getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("OCSP responder URL must be http or https");
        }
        this.responderUrl = url;
        return this;
    }

    /**
     * Trusts responses signed by this certificate ("trusted responder" by local configuration, RFC 6960
     * section 4.2.2.2), in addition to the CA-signed and delegated cases. Usually paired with
     * {@link #responderUrl(URI)}.
     *
     * @param responder the responder certificate, never {@code null}
     * @return this builder
     */
    public OcspSourceBuilder designatedResponder(X509Certificate responder) {
        this.designatedResponder = Objects.requireNonNull(responder, "responder");
        return this;
    }

    /**
     * @param transport the HTTP transport, never {@code null}
     * @return this builder
     */
    public OcspSourceBuilder transport(HttpTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        return this;
    }

    /**
     * @param skew tolerated clock difference to the responder, zero or positive
     * @return this builder
     */
    public OcspSourceBuilder clockSkew(Duration skew) {
        if (skew == null || skew.isNegative()) {
            throw new IllegalArgumentException("clockSkew must be zero or positive");
        }
        this.clockSkew = skew;
        return this;
    }

    /**
     * @param maxAge how long after {@code thisUpdate} a response without {@code nextUpdate} is current
     * @return this builder
     */
    public OcspSourceBuilder maxAgeWithoutNextUpdate(Duration maxAge) {
        if (maxAge == null || maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAgeWithoutNextUpdate must be zero or positive");
        }
        this.maxAgeWithoutNextUpdate = maxAge;
        return this;
    }

    /**
     * Accepts responses that do not echo the request nonce (pre-produced responses of CDN-backed
     * responders). Weakens replay protection to the freshness window; logs a warning.
     *
     * @return this builder
     */
    public OcspSourceBuilder allowResponsesWithoutNonce() {
        this.nonceRequired = false;
        return this;
    }

    /** @return an immutable, thread-safe OCSP source */
    public RevocationSource build() {
        if (!nonceRequired) {
            LOG.log(Level.WARNING, "OCSP responses without nonce are accepted (allowResponsesWithoutNonce)");
        }
        return new OcspSource(responderUrl, designatedResponder,
                transport == null ? HttpTransport.createDefault() : transport,
                clockSkew, maxAgeWithoutNextUpdate, nonceRequired);
    }
}
