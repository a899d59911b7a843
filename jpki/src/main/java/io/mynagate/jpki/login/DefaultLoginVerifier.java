package io.mynagate.jpki.login;

import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.Reason;
import io.mynagate.jpki.assertion.AssertionVerifier;
import io.mynagate.jpki.assertion.CertificateKindMismatchException;
import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.assertion.VerifiedAssertion;
import io.mynagate.jpki.identity.CertificateIdKey;
import io.mynagate.jpki.profile.BasicAttributes;
import io.mynagate.jpki.profile.CertificateKind;
import io.mynagate.jpki.validation.CertificateValidator;
import io.mynagate.jpki.validation.ValidationResult;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link LoginVerifier}: immutable configuration, thread-safe; the steps run in {@link #verify}'s order. */
final class DefaultLoginVerifier implements LoginVerifier {
    /** Birth dates in JPKI certificates are dates in Japan; ages are counted there. */
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** A realm has one issuer URL or a few (front-end hostnames); more means the caller misuses the audience. */
    private static final int MAX_CACHED_AUDIENCES = 16;

    private final CertificateValidator authValidator;
    private final CertificateValidator signValidator;
    private final List<X509Certificate> intermediates;
    private final CertificateIdKey idKey;
    private final Clock clock;
    private final Duration maxSkew;
    private final int maxSize;
    private final Map<String, AssertionVerifier> assertionVerifiers = new ConcurrentHashMap<>();

    DefaultLoginVerifier(CertificateValidator authValidator, CertificateValidator signValidator,
            List<X509Certificate> intermediates, CertificateIdKey idKey, Clock clock, Duration maxSkew, int maxSize) {
        this.authValidator = authValidator;
        this.signValidator = signValidator;
        this.intermediates = intermediates;
        this.idKey = idKey;
        this.clock = clock;
        this.maxSkew = maxSkew;
        this.maxSize = maxSize;
    }

    @Override
    public VerifiedLogin verify(String assertionJws, LoginExpectations expected) throws JpkiException {
        Instant now = clock.instant();
        VerifiedAssertion assertion = assertionVerifier(expected.audience())
                .verify(assertionJws, expected.nonce(), expected.purpose());
        X509Certificate certificate = assertion.certificate();
        CertificateKind kind = kindNeededFor(expected.purpose());
        if (expected.purpose() == Purpose.SHARE) {
            kindFitting(certificate, expected.purpose());
            checkClient(assertion, expected);
            checkApprovedWereRequested(assertion, expected);
        }
        ValidationResult validation = (kind == CertificateKind.AUTHENTICATION ? authValidator : signValidator)
                .validate(certificate, intermediates, now);
        if (!validation.isValid()) {
            // For auth no step stands between the kind and the certificate checks, and the validator's first
            // step (its RequiredProfile, AUTHENTICATION here) classifies the certificate as kindFitting does
            // and refuses any other kind: a valid result means the kind fits. So the kind is judged here only
            // when validation failed, to report the kind's own reason first, as the documented order says.
            // Classifying a certificate costs about a fifth of an RSA verification: not twice per login.
            // (For share, kindFitting has passed above; it passes again.)
            kindFitting(certificate, expected.purpose());
            validation.orThrow();
        }
        Map<String, Object> released = expected.purpose() == Purpose.SHARE
                ? ClaimRelease.values(assertion.approvedClaims(), BasicAttributes.from(certificate),
                        LocalDate.ofInstant(now, JAPAN))
                : Map.of();
        return new VerifiedLogin(certificate, kind, idKey.idOf(certificate), expected.purpose(),
                assertion.issuedAt(), released, validation.evidence().orElse(null));
    }

    private AssertionVerifier assertionVerifier(String audience) {
        AssertionVerifier cached = assertionVerifiers.get(audience);
        if (cached != null) {
            return cached;
        }
        AssertionVerifier verifier = AssertionVerifier.builder().audience(audience).clock(clock)
                .maxSkew(maxSkew).maxSize(maxSize).build();
        if (assertionVerifiers.size() < MAX_CACHED_AUDIENCES) {
            assertionVerifiers.putIfAbsent(audience, verifier);
        }
        return verifier;
    }

    private static CertificateKind kindNeededFor(Purpose purpose) {
        return purpose == Purpose.AUTH ? CertificateKind.AUTHENTICATION : CertificateKind.SIGNATURE;
    }

    private static void kindFitting(X509Certificate certificate, Purpose purpose) throws JpkiException {
        CertificateKind kind = CertificateKind.of(certificate);
        CertificateKind needed = kindNeededFor(purpose);
        if (kind != needed) {
            throw new CertificateKindMismatchException(purpose, kind);
        }
    }

    private static void checkClient(VerifiedAssertion assertion, LoginExpectations expected)
            throws ExpectationMismatchException {
        if (!assertion.clientId().equals(expected.clientId())) {
            throw new ExpectationMismatchException(Reason.CLIENT_ID_MISMATCH,
                    "client_id is not the requesting client");
        }
    }

    private static void checkApprovedWereRequested(VerifiedAssertion assertion, LoginExpectations expected)
            throws ExpectationMismatchException {
        for (String claim : assertion.approvedClaims()) {
            if (!expected.requestedClaims().contains(claim)) {
                // The name is from the vocabulary or arbitrary text of the input: say which only when known.
                throw new ExpectationMismatchException(Reason.CLAIM_NOT_REQUESTED, ClaimRelease.isKnown(claim)
                        ? "claim " + claim + " was approved but not requested"
                        : "an approved claim is not in the vocabulary");
            }
        }
    }
}
