package io.mynagate.jpki.handoff;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * One entry of the bridge's issuer allowlist: the issuer URL exactly as the identity provider writes
 * it into {@code iss} (for Keycloak {@code https://host/realms/<realm>}), and the URL of its JWK set
 * (for Keycloak {@code <issuer>/protocol/openid-connect/certs}, as its discovery document's
 * {@code jwks_uri} says).
 *
 * <p>The JWK set URL is configured, never derived from a request: a request cannot point the bridge
 * at keys of its choosing. Both URLs must be {@code https}; {@code http} is accepted here only on a
 * loopback host ({@code localhost}, {@code 127.x.y.z}, {@code [::1]}), and the verifier takes such an
 * entry only with {@link HandoffRequestVerifier.Builder#allowHttpOnLoopback()} (the demo).
 *
 * <p>Immutable and thread-safe.
 */
public final class AllowedIssuer {
    private final String issuer;
    private final URI jwksUri;
    private final Origin origin;

    private AllowedIssuer(String issuer, URI jwksUri, Origin origin) {
        this.issuer = issuer;
        this.jwksUri = jwksUri;
        this.origin = origin;
    }

    /**
     * @param issuer the issuer URL, compared with {@code iss} as an exact string (RFC 7519 section
     *     4.1.1); absolute, no user info, query or fragment
     * @param jwksUri the issuer's JWK set URL (RFC 7517 section 5)
     * @return the entry
     * @throws IllegalArgumentException when a URL is missing, not absolute http(s) with a host, has
     *     user info (or, for the issuer, a query or fragment), or is {@code http} on a non-loopback host
     */
    public static AllowedIssuer of(String issuer, URI jwksUri) {
        Objects.requireNonNull(jwksUri, "jwksUri");
        Origin origin = issuerOrigin(issuer);
        checkedOrigin(jwksUri, "jwksUri");
        return new AllowedIssuer(issuer, jwksUri, origin);
    }

    /** The origin of an issuer URL that passes the allowlist's rules; shared with the builder. */
    static Origin issuerOrigin(String issuer) {
        Objects.requireNonNull(issuer, "issuer");
        URI issuerUri;
        try {
            issuerUri = new URI(issuer);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the issuer is not a URL", e);
        }
        Origin origin = checkedOrigin(issuerUri, "issuer");
        if (issuerUri.getRawQuery() != null || issuerUri.getRawFragment() != null) {
            throw new IllegalArgumentException("the issuer URL has a query or fragment");
        }
        return origin;
    }

    private static Origin checkedOrigin(URI uri, String what) {
        Origin origin = Origin.of(uri).orElseThrow(
                () -> new IllegalArgumentException(what + " must be an absolute http(s) URL with a host"));
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(what + " must not carry user info");
        }
        if (!origin.isHttps() && !origin.isLoopback()) {
            throw new IllegalArgumentException(what + " must be https (http only on a loopback host)");
        }
        return origin;
    }

    /** @return the issuer URL, exactly as configured; never null */
    public String issuer() {
        return issuer;
    }

    /** @return the JWK set URL; never null */
    public URI jwksUri() {
        return jwksUri;
    }

    /** @return whether the issuer or its JWK set is reached over plain http (loopback only) */
    public boolean usesHttp() {
        return !origin.isHttps() || !Origin.of(jwksUri).orElseThrow().isHttps();
    }

    /** The issuer's origin: the only origin a return URI may have. */
    Origin origin() {
        return origin;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AllowedIssuer && ((AllowedIssuer) other).issuer.equals(issuer)
                && ((AllowedIssuer) other).jwksUri.equals(jwksUri);
    }

    @Override
    public int hashCode() {
        return Objects.hash(issuer, jwksUri);
    }

    @Override
    public String toString() {
        return issuer + " (keys " + jwksUri + ")";
    }
}
