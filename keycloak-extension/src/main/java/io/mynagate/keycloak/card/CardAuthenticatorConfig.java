package io.mynagate.keycloak.card;

import io.mynagate.jpki.identity.CertificateIdKey;
import io.mynagate.jpki.login.LoginVerifier;
import io.mynagate.jpki.login.LoginVerifierBuilder;
import io.mynagate.jpki.validation.CrlSourceBuilder;
import io.mynagate.jpki.validation.OcspSourceBuilder;
import io.mynagate.jpki.validation.RevocationSource;
import io.mynagate.jpki.validation.RevocationSources;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.keycloak.models.Constants;

/**
 * The card authenticator's admin settings (the execution's authenticator config), parsed and checked
 * once: {@link #parse(Map)} refuses a bad value with an {@link InvalidCardConfigException} naming the
 * setting, so a realm never runs on a half-understood configuration. Immutable.
 *
 * <p>The settings (constants of this class) and their defaults:
 * <ul>
 *   <li>{@value #TRUST_ANCHORS}: PEM text of the JPKI roots, at least one CA certificate; required.</li>
 *   <li>{@value #REVOCATION_MODE}: {@code ocsp | crl | ocsp,crl}, default {@code ocsp} (the responder named in the
 *       certificate), so trust anchors alone are a complete configuration.</li>
 *   <li>{@value #OCSP_RESPONDER_URL}: http(s) URL sent every OCSP request; default the certificate's
 *       authorityInfoAccess (RFC 5280 section 4.2.2.1).</li>
 *   <li>{@value #OCSP_RESPONDER_CERTIFICATE}: PEM of one designated responder certificate (RFC 6960
 *       section 4.2.2.2, trusted by local configuration); default none.</li>
 *   <li>{@value #CRL_URLS}: http(s) URLs of CRLs, required when the mode reads CRLs.</li>
 *   <li>{@value #REVOCATION_CACHE_SIZE}: certificates whose current revocation answer is reused,
 *       1 to {@value #MAX_REVOCATION_CACHE_SIZE}, default {@value #DEFAULT_REVOCATION_CACHE_SIZE}.</li>
 *   <li>{@value #REVOCATION_FAIL_OPEN}: accept a login when no revocation source answers; default
 *       {@code false}. Weakens security; revoked and unknown still reject.</li>
 *   <li>{@value #BRIDGE_URL}: the card bridge's loopback URL, default {@value #DEFAULT_BRIDGE_URL}.</li>
 *   <li>{@value #CLOCK_SKEW_SECONDS}: allowed distance of the assertion's {@code iat}, 0 to
 *       {@value #MAX_CLOCK_SKEW_SECONDS}, default {@value #DEFAULT_CLOCK_SKEW_SECONDS}.</li>
 *   <li>{@value #ACR_VALUE}: the {@code acr} a card login earns, default {@value #DEFAULT_ACR_VALUE}.</li>
 *   <li>{@value #CREATE_USER}: create a user on a card's first login, default {@code true}.</li>
 *   <li>{@value #ALLOW_TEST_ROOTS}: accept {@code O=JPKI-TEST} roots; development only, default
 *       {@code false}.</li>
 * </ul>
 * Multi-valued settings use Keycloak's delimiter ({@link Constants#CFG_DELIMITER}); {@link Settings} reads
 * the raw values.
 */
public final class CardAuthenticatorConfig {
    /** PEM text of the trust anchors. */
    public static final String TRUST_ANCHORS = "trustAnchors";
    /** {@link RevocationMode} setting. */
    public static final String REVOCATION_MODE = "revocationMode";
    /** OCSP responder URL overriding the certificate's. */
    public static final String OCSP_RESPONDER_URL = "ocspResponderUrl";
    /** PEM of the designated OCSP responder certificate. */
    public static final String OCSP_RESPONDER_CERTIFICATE = "ocspResponderCertificate";
    /** CRL URLs. */
    public static final String CRL_URLS = "crlUrls";
    /** Bound on the revocation cache. */
    public static final String REVOCATION_CACHE_SIZE = "revocationCacheSize";
    /** Accept when no revocation source answers (weakening). */
    public static final String REVOCATION_FAIL_OPEN = "revocationFailOpen";
    /** The card bridge's loopback URL. */
    public static final String BRIDGE_URL = "bridgeUrl";
    /** Allowed {@code iat} distance, seconds. */
    public static final String CLOCK_SKEW_SECONDS = "clockSkewSeconds";
    /** The {@code acr} of a card login. */
    public static final String ACR_VALUE = "acrValue";
    /** Create a user on a card's first login. */
    public static final String CREATE_USER = "createUserOnFirstLogin";
    /** Accept {@code O=JPKI-TEST} roots (weakening, development only). */
    public static final String ALLOW_TEST_ROOTS = "allowTestRoots";

    /** The card bridge's default port on the resident's computer. */
    public static final int DEFAULT_BRIDGE_PORT = 18450;
    /** Default of {@value #BRIDGE_URL}. */
    public static final String DEFAULT_BRIDGE_URL = "http://127.0.0.1:18450";
    /** Default of {@value #CLOCK_SKEW_SECONDS}, as {@code jpki}'s assertion verifier. */
    public static final int DEFAULT_CLOCK_SKEW_SECONDS = 60;
    /** Largest {@value #CLOCK_SKEW_SECONDS}: ten minutes, {@code jpki}'s bound. */
    public static final int MAX_CLOCK_SKEW_SECONDS = 600;
    /** Default of {@value #REVOCATION_CACHE_SIZE}. */
    public static final int DEFAULT_REVOCATION_CACHE_SIZE = 10_000;
    /** Largest {@value #REVOCATION_CACHE_SIZE}. */
    public static final int MAX_REVOCATION_CACHE_SIZE = 1_000_000;
    /** Default of {@value #ACR_VALUE}. */
    public static final String DEFAULT_ACR_VALUE = "myna-card";
    /** Default of {@value #REVOCATION_MODE}. */
    public static final RevocationMode DEFAULT_REVOCATION_MODE = RevocationMode.OCSP;

    // An answer without nextUpdate is reused this long, as jpki's own default.
    private static final Duration CACHE_AGE_WITHOUT_NEXT_UPDATE = Duration.ofMinutes(5);

    private final List<X509Certificate> trustAnchors;
    private final RevocationMode revocationMode;
    private final URI ocspResponderUrl;
    private final X509Certificate ocspResponderCertificate;
    private final List<URI> crlUrls;
    private final int revocationCacheSize;
    private final boolean revocationFailOpen;
    private final URI bridgeUrl;
    private final Duration clockSkew;
    private final String acrValue;
    private final boolean createUser;
    private final boolean allowTestRoots;

    private CardAuthenticatorConfig(Map<String, String> settings) {
        Settings s = new Settings(settings);
        this.trustAnchors = s.caCertificates(TRUST_ANCHORS);
        this.revocationMode = s.optional(REVOCATION_MODE).map(RevocationMode::parse).orElse(DEFAULT_REVOCATION_MODE);
        this.ocspResponderUrl = s.httpUrl(OCSP_RESPONDER_URL).orElse(null);
        this.ocspResponderCertificate = s.oneCertificate(OCSP_RESPONDER_CERTIFICATE).orElse(null);
        this.crlUrls = s.httpUrls(CRL_URLS);
        if (revocationMode.usesCrl() && crlUrls.isEmpty()) {
            throw new InvalidCardConfigException(CRL_URLS,
                    "at least one CRL URL is needed when " + REVOCATION_MODE + " is " + revocationMode.setting());
        }
        this.revocationCacheSize = s.integer(REVOCATION_CACHE_SIZE, DEFAULT_REVOCATION_CACHE_SIZE, 1, MAX_REVOCATION_CACHE_SIZE);
        this.revocationFailOpen = s.bool(REVOCATION_FAIL_OPEN, false);
        this.bridgeUrl = s.loopbackUrl(BRIDGE_URL, DEFAULT_BRIDGE_URL);
        this.clockSkew = Duration.ofSeconds(
                s.integer(CLOCK_SKEW_SECONDS, DEFAULT_CLOCK_SKEW_SECONDS, 0, MAX_CLOCK_SKEW_SECONDS));
        this.acrValue = s.token(ACR_VALUE, DEFAULT_ACR_VALUE);
        this.createUser = s.bool(CREATE_USER, true);
        this.allowTestRoots = s.bool(ALLOW_TEST_ROOTS, false);
    }

    /**
     * @param settings the authenticator config's map as Keycloak stores it, never {@code null}; absent
     *     or blank values take their defaults
     * @return the checked configuration
     * @throws InvalidCardConfigException naming the first setting that is missing or wrong
     */
    public static CardAuthenticatorConfig parse(Map<String, String> settings) {
        return new CardAuthenticatorConfig(Objects.requireNonNull(settings, "settings"));
    }

    /**
     * Builds the verifier of card assertions this configuration describes: its trust anchors, its
     * revocation sources (cached), its clock skew and weakenings, and the realm's certificate-id key.
     * Build it once per configuration and keep it: the revocation cache lives in it.
     *
     * @param certificateIdKey the realm's key for certificate ids, never {@code null}
     * @return an immutable, thread-safe verifier
     */
    public LoginVerifier loginVerifier(CertificateIdKey certificateIdKey) {
        LoginVerifierBuilder builder = LoginVerifier.builder()
                .trustAnchors(trustAnchors)
                .revocationSource(RevocationSources.cached(revocationSource(), revocationCacheSize,
                        CACHE_AGE_WITHOUT_NEXT_UPDATE))
                .certificateIdKey(Objects.requireNonNull(certificateIdKey, "certificateIdKey"))
                .maxSkew(clockSkew);
        if (revocationFailOpen) {
            builder.revocationFailOpen();
        }
        if (allowTestRoots) {
            builder.allowTestRoots();
        }
        try {
            return builder.build();
        } catch (IllegalStateException | IllegalArgumentException e) {
            // parse() checks everything the builder checks; reaching this is a bug, not a bad setting.
            throw new IllegalStateException("jpki refused a configuration that parse() accepted", e);
        }
    }

    private RevocationSource revocationSource() {
        List<RevocationSource> sources = new ArrayList<>(2);
        if (revocationMode.usesOcsp()) {
            OcspSourceBuilder ocsp = RevocationSources.ocsp();
            if (ocspResponderUrl != null) {
                ocsp.responderUrl(ocspResponderUrl);
            }
            if (ocspResponderCertificate != null) {
                ocsp.designatedResponder(ocspResponderCertificate);
            }
            sources.add(ocsp.build());
        }
        if (revocationMode.usesCrl()) {
            CrlSourceBuilder crl = RevocationSources.crl();
            crlUrls.forEach(crl::url);
            sources.add(crl.build());
        }
        return RevocationSources.firstAvailable(sources);
    }

    /** @return the trust anchors, at least one CA certificate; unmodifiable */
    public List<X509Certificate> trustAnchors() {
        return trustAnchors;
    }

    /** @return where revocation answers come from */
    public RevocationMode revocationMode() {
        return revocationMode;
    }

    /** @return the configured OCSP responder URL, empty when the certificate's own is used */
    public Optional<URI> ocspResponderUrl() {
        return Optional.ofNullable(ocspResponderUrl);
    }

    /** @return the designated OCSP responder certificate, if configured */
    public Optional<X509Certificate> ocspResponderCertificate() {
        return Optional.ofNullable(ocspResponderCertificate);
    }

    /** @return the CRL URLs, possibly empty when the mode is {@link RevocationMode#OCSP}; unmodifiable */
    public List<URI> crlUrls() {
        return crlUrls;
    }

    /** @return the bound on cached revocation answers */
    public int revocationCacheSize() {
        return revocationCacheSize;
    }

    /** @return whether "no revocation answer" lets a login pass (a weakening) */
    public boolean revocationFailOpen() {
        return revocationFailOpen;
    }

    /** @return the card bridge's URL, always on a loopback address */
    public URI bridgeUrl() {
        return bridgeUrl;
    }

    /** @return how far an assertion's {@code iat} may be from the clock */
    public Duration clockSkew() {
        return clockSkew;
    }

    /** @return the {@code acr} a card login earns */
    public String acrValue() {
        return acrValue;
    }

    /** @return whether a card's first login creates a user */
    public boolean createUserOnFirstLogin() {
        return createUser;
    }

    /** @return whether {@code O=JPKI-TEST} roots are accepted (a weakening, development only) */
    public boolean allowTestRoots() {
        return allowTestRoots;
    }
}
