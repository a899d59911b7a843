package io.mynagate.jpki.validation;

import java.lang.System.Logger.Level;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Configures a {@link CertificateValidator}. Required: at least one trust anchor, the profile, and either a
 * revocation source or the explicit {@link #withoutRevocationChecking()}. {@link #build()} validates and
 * copies the configuration, so later changes to this builder do not affect built validators.
 *
 * <p>Weakening options have names that say so and log a warning when built: {@link #allowTestRoots()},
 * {@link #revocationFailOpen()}, {@link #withoutRevocationChecking()}, and the profile
 * {@link RequiredProfile#ANY_SKIPPING_JPKI_PROFILE_CHECKS}. Not thread-safe.
 */
public final class CertificateValidatorBuilder {
    private static final System.Logger LOG = System.getLogger(CertificateValidatorBuilder.class.getName());

    private final List<X509Certificate> anchors = new ArrayList<>();
    private RequiredProfile profile;
    private RevocationSource revocation;
    private boolean revocationDisabled;
    private boolean failOpen;
    private boolean testRootsAllowed;
    private int maxIntermediates = 4;

    CertificateValidatorBuilder() {}

    /**
     * Adds a trust anchor. Several anchors may share a subject DN (JPKI root generations); the issuer is
     * chosen by key identifier and signature. Never pass the CA certificate read from a card.
     *
     * @param anchor a root (or other anchor) certificate, never {@code null}
     * @return this builder
     */
    public CertificateValidatorBuilder trustAnchor(X509Certificate anchor) {
        anchors.add(Objects.requireNonNull(anchor, "anchor"));
        return this;
    }

    /**
     * @param anchors trust anchors, see {@link #trustAnchor(X509Certificate)}
     * @return this builder
     */
    public CertificateValidatorBuilder trustAnchors(Collection<X509Certificate> anchors) {
        anchors.forEach(this::trustAnchor);
        return this;
    }

    /**
     * @param profile which certificate the end entity must be; required
     * @return this builder
     */
    public CertificateValidatorBuilder profile(RequiredProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
        return this;
    }

    /**
     * @param source where revocation status comes from, e.g. {@code RevocationSources.cached(...)}
     * @return this builder
     */
    public CertificateValidatorBuilder revocationSource(RevocationSource source) {
        this.revocation = Objects.requireNonNull(source, "source");
        return this;
    }

    /**
     * Skips revocation entirely (test material, offline checks). Logs a warning.
     *
     * @return this builder
     */
    public CertificateValidatorBuilder withoutRevocationChecking() {
        this.revocationDisabled = true;
        return this;
    }

    /**
     * Treats "no revocation answer" (responder down, stale CRL) as good. Revoked and unknown answers still
     * reject. Weakens security; logs a warning. Default: fail closed.
     *
     * @return this builder
     */
    public CertificateValidatorBuilder revocationFailOpen() {
        this.failOpen = true;
        return this;
    }

    /**
     * Accepts paths through {@code O=JPKI-TEST} certificates (test cards). Never in production; logs a warning.
     *
     * @return this builder
     */
    public CertificateValidatorBuilder allowTestRoots() {
        this.testRootsAllowed = true;
        return this;
    }

    /**
     * @param max how many intermediate CA certificates a path may have, zero or more; default 4
     * @return this builder
     */
    public CertificateValidatorBuilder maxIntermediates(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("maxIntermediates must be zero or more");
        }
        this.maxIntermediates = max;
        return this;
    }

    /**
     * @return an immutable, thread-safe validator
     * @throws IllegalStateException when the configuration is incomplete or contradictory
     */
    public CertificateValidator build() {
        if (anchors.isEmpty()) {
            throw new IllegalStateException("at least one trust anchor is required");
        }
        if (profile == null) {
            throw new IllegalStateException("profile is required (AUTHENTICATION, SIGNATURE or ANY_SKIPPING_JPKI_PROFILE_CHECKS)");
        }
        if (revocation == null && !revocationDisabled) {
            throw new IllegalStateException("set a revocation source or call withoutRevocationChecking()");
        }
        if (revocation != null && revocationDisabled) {
            throw new IllegalStateException("both a revocation source and withoutRevocationChecking() are set");
        }
        if (failOpen && revocationDisabled) {
            throw new IllegalStateException("revocationFailOpen() needs a revocation source");
        }
        warnAboutWeakenings();
        RevocationStep revocationStep = revocationDisabled ? null : new RevocationStep(revocation, failOpen);
        return new DefaultCertificateValidator(List.copyOf(anchors), profile, revocationStep,
                testRootsAllowed, maxIntermediates);
    }

    private void warnAboutWeakenings() {
        if (profile == RequiredProfile.ANY_SKIPPING_JPKI_PROFILE_CHECKS) {
            LOG.log(Level.WARNING, "the JPKI profile is not checked (ANY_SKIPPING_JPKI_PROFILE_CHECKS): "
                    + "any certificate under the trust anchors passes; never use this for a login");
        }
        if (testRootsAllowed) {
            LOG.log(Level.WARNING, "JPKI-TEST roots are accepted (allowTestRoots): never use this in production");
        }
        if (revocationDisabled) {
            LOG.log(Level.WARNING, "revocation is not checked (withoutRevocationChecking)");
        }
        if (failOpen) {
            LOG.log(Level.WARNING, "revocation fails open (revocationFailOpen): unavailable status counts as good");
        }
    }
}
