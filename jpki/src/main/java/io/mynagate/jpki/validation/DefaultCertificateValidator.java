package io.mynagate.jpki.validation;

import io.mynagate.jpki.Reason;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The pipeline of {@link CertificateValidator}, cheap checks first: profile, end-entity validity, issuer
 * selection, test-root refusal, validity of the rest of the path, RFC 5280 path validation, revocation.
 *
 * <p>Why the JDK's {@code CertPathValidator} (PKIX) with revocation disabled rather than Bouncy Castle's
 * or the JDK's revocation checker: the JDK validator is the platform's maintained RFC 5280 implementation
 * (name chaining, basic constraints, CA key usage, policies, critical extensions) and needs no provider
 * registration, which matters inside Keycloak. Its built-in revocation checker, however, is configured by
 * global security properties, cannot pin a designated OCSP responder per validator, does not insist on a
 * nonce echo and reports no evidence; so revocation is done here through {@link RevocationSource} after the
 * path is known. Issuer selection is also done here, by key identifier and signature, so that root
 * generations with one DN are handled deterministically and each validation runs PKIX on exactly one path.
 */
final class DefaultCertificateValidator implements CertificateValidator {
    private final List<X509Certificate> anchors;
    private final ProfileCheck profileCheck;
    private final RevocationStep revocation;
    private final boolean testRootsAllowed;
    private final int maxIntermediates;

    DefaultCertificateValidator(List<X509Certificate> anchors, RequiredProfile profile, RevocationStep revocation,
            boolean testRootsAllowed, int maxIntermediates) {
        this.anchors = anchors;
        this.profileCheck = new ProfileCheck(profile);
        this.revocation = revocation;
        this.testRootsAllowed = testRootsAllowed;
        this.maxIntermediates = maxIntermediates;
    }

    @Override
    public ValidationResult validate(X509Certificate certificate, List<X509Certificate> intermediates, Instant at) {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(intermediates, "intermediates");
        Objects.requireNonNull(at, "at");
        try {
            return run(certificate, List.copyOf(intermediates), at);
        } catch (RuntimeException e) {
            // Broken extensions surface as runtime exceptions from the certificate parser.
            return ValidationResult.invalid(Reason.MALFORMED_CERTIFICATE,
                    "certificate could not be processed: " + e.getClass().getSimpleName(), null);
        }
    }

    private ValidationResult run(X509Certificate certificate, List<X509Certificate> intermediates, Instant at) {
        ValidationResult failure = profileCheck.check(certificate);
        if (failure != null) {
            return failure;
        }
        failure = ValidityCheck.check(List.of(certificate), at);
        if (failure != null) {
            return failure;
        }
        IssuerSelector.Path path = IssuerSelector.select(certificate, intermediates, anchors, maxIntermediates);
        if (path.failure() != null) {
            return path.failure();
        }
        if (!testRootsAllowed && (failure = TestRootCheck.check(path)) != null) {
            return failure;
        }
        failure = ValidityCheck.check(path.withAnchor(), at);
        if (failure != null) {
            return failure;
        }
        failure = PkixCheck.check(path, at);
        if (failure != null) {
            return failure;
        }
        if (revocation == null) {
            return ValidationResult.valid("path and profile valid; revocation not checked", null);
        }
        return revocation.check(path, intermediates, at);
    }
}
