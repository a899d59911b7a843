package io.mynagate.jpki.login;

import io.mynagate.jpki.assertion.AssertionVerifier;
import io.mynagate.jpki.identity.CertificateIdKey;
import io.mynagate.jpki.validation.CertificateValidator;
import io.mynagate.jpki.validation.CertificateValidatorBuilder;
import io.mynagate.jpki.validation.RequiredProfile;
import io.mynagate.jpki.validation.RevocationSource;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Configures a {@link LoginVerifier}. Required: trust anchors, a revocation source (or the explicit
 * {@link #withoutRevocationChecking()}), and the {@link CertificateIdKey}. {@link #build()} validates
 * and copies the configuration; later changes to the builder do not affect built verifiers.
 *
 * <p>Weakening options have names that say so and log a warning when built (through
 * {@link CertificateValidatorBuilder}): {@link #allowTestRoots()}, {@link #revocationFailOpen()},
 * {@link #withoutRevocationChecking()}. Not thread-safe.
 */
public final class LoginVerifierBuilder {
    private final List<X509Certificate> anchors = new ArrayList<>();
    private final List<X509Certificate> intermediates = new ArrayList<>();
    private RevocationSource revocation;
    private boolean revocationDisabled;
    private boolean failOpen;
    private boolean testRootsAllowed;
    private CertificateIdKey idKey;
    private Clock clock = Clock.systemUTC();
    private Duration maxSkew = AssertionVerifier.Builder.DEFAULT_MAX_SKEW;
    private int maxSize = AssertionVerifier.Builder.DEFAULT_MAX_SIZE;

    LoginVerifierBuilder() {}

    /**
     * @param anchors the JPKI roots (e.g. the J-LIS authentication and signature CAs), at least one
     * @return this builder
     */
    public LoginVerifierBuilder trustAnchors(Collection<X509Certificate> anchors) {
        anchors.forEach(anchor -> this.anchors.add(Objects.requireNonNull(anchor, "anchor")));
        return this;
    }

    /**
     * @param intermediates CA certificates that may sit between a card certificate and a root (path
     *     material only, never anchors); default none
     * @return this builder
     */
    public LoginVerifierBuilder intermediates(Collection<X509Certificate> intermediates) {
        intermediates.forEach(ca -> this.intermediates.add(Objects.requireNonNull(ca, "intermediate")));
        return this;
    }

    /**
     * @param source where revocation status comes from (OCSP, CRL, an operator's API)
     * @return this builder
     */
    public LoginVerifierBuilder revocationSource(RevocationSource source) {
        this.revocation = Objects.requireNonNull(source, "source");
        return this;
    }

    /**
     * Skips revocation (tests, offline tools only). Logs a warning.
     *
     * @return this builder
     */
    public LoginVerifierBuilder withoutRevocationChecking() {
        this.revocationDisabled = true;
        return this;
    }

    /**
     * Treats "no revocation answer" as good; revoked and unknown still reject. Logs a warning.
     *
     * @return this builder
     */
    public LoginVerifierBuilder revocationFailOpen() {
        this.failOpen = true;
        return this;
    }

    /**
     * Accepts {@code O=JPKI-TEST} roots (test cards, the demo). Never in production; logs a warning.
     *
     * @return this builder
     */
    public LoginVerifierBuilder allowTestRoots() {
        this.testRootsAllowed = true;
        return this;
    }

    /**
     * @param key computes the keyed certificate id of each verified login; required
     * @return this builder
     */
    public LoginVerifierBuilder certificateIdKey(CertificateIdKey key) {
        this.idKey = Objects.requireNonNull(key, "key");
        return this;
    }

    /**
     * @param clock for {@code iat}, validity, revocation freshness and {@code age_over_NN}; default UTC system clock
     * @return this builder
     */
    public LoginVerifierBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * @param maxSkew how far {@code iat} may be from the clock; default 60 s, at most 10 minutes
     * @return this builder
     */
    public LoginVerifierBuilder maxSkew(Duration maxSkew) {
        this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew");
        return this;
    }

    /**
     * @param maxSize largest assertion accepted, in characters; default 16384
     * @return this builder
     */
    public LoginVerifierBuilder maxSize(int maxSize) {
        this.maxSize = maxSize;
        return this;
    }

    /**
     * @return an immutable, thread-safe verifier
     * @throws IllegalStateException when the configuration is incomplete or contradictory
     */
    public LoginVerifier build() {
        if (idKey == null) {
            throw new IllegalStateException("a CertificateIdKey is required");
        }
        // Checked here once, so that per-step assertion verifiers built later cannot fail on configuration.
        AssertionVerifier.builder().audience("https://probe.invalid/").clock(clock).maxSkew(maxSkew)
                .maxSize(maxSize).build();
        return new DefaultLoginVerifier(
                validator(RequiredProfile.AUTHENTICATION), validator(RequiredProfile.SIGNATURE),
                List.copyOf(intermediates), idKey, clock, maxSkew, maxSize);
    }

    /** DefaultLoginVerifier relies on the profile: for auth it leaves the kind check to the validator. */
    private CertificateValidator validator(RequiredProfile profile) {
        CertificateValidatorBuilder builder = CertificateValidator.builder().trustAnchors(anchors).profile(profile);
        if (revocation != null) {
            builder.revocationSource(revocation);
        }
        if (revocationDisabled) {
            builder.withoutRevocationChecking();
        }
        if (failOpen) {
            builder.revocationFailOpen();
        }
        if (testRootsAllowed) {
            builder.allowTestRoots();
        }
        return builder.build();
    }
}
