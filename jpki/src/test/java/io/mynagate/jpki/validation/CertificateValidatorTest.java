package io.mynagate.jpki.validation;

import static io.mynagate.jpki.validation.Fixtures.ROOT;
import static io.mynagate.jpki.validation.Fixtures.ROOT_SAME_NAME;
import static io.mynagate.jpki.validation.Fixtures.answering;
import static io.mynagate.jpki.validation.Fixtures.auth;
import static io.mynagate.jpki.validation.Fixtures.sign;
import static io.mynagate.jpki.validation.Fixtures.validateNow;
import static io.mynagate.jpki.validation.Fixtures.validator;
import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.jpki.testing.TestPki;
import io.mynagate.jpki.validation.RevocationStatus.State;
import io.mynagate.jpki.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

class CertificateValidatorTest {
    private static final CertificateValidator AUTH =
            validator(RequiredProfile.AUTHENTICATION, ROOT).revocationSource(answering(State.GOOD)).build();
    private static final CertificateValidator SIGN =
            validator(RequiredProfile.SIGNATURE, ROOT).revocationSource(answering(State.GOOD)).build();

    @Test
    void acceptsAuthenticationCertificateUnderConfiguredRoot() {
        ValidationResult result = validateNow(AUTH, auth(ROOT));

        assertThat(result.isValid()).isTrue();
        assertThat(result.reason()).isEqualTo(Reason.VALID);
        assertThat(result.evidence()).containsInstanceOf(CrlEvidence.class);
    }

    @Test
    void acceptsSignatureCertificateForSignatureProfile() {
        assertThat(validateNow(SIGN, sign(ROOT)).reason()).isEqualTo(Reason.VALID);
    }

    @Test
    void rejectsSignatureCertificateWhereAuthenticationIsRequired() {
        assertThat(validateNow(AUTH, sign(ROOT)).reason()).isEqualTo(Reason.PROFILE_MISMATCH);
    }

    @Test
    void rejectsAuthenticationCertificateWhereSignatureIsRequired() {
        assertThat(validateNow(SIGN, auth(ROOT)).reason()).isEqualTo(Reason.PROFILE_MISMATCH);
    }

    @Test
    void rejectsEndEntityWithoutKeyUsage() {
        TestPki.Issued noUsage = TestPki.authenticationCertificate(ROOT).keyUsage(null)
                .keyPair(TestPki.sharedKeyPair("validation-ee")).issue();

        assertThat(validateNow(AUTH, noUsage).reason()).isEqualTo(Reason.PROFILE_MISMATCH);
    }

    @Test
    void rejectsKeyUsageThatContradictsThePolicy() {
        TestPki.Issued contradictory = TestPki.authenticationCertificate(ROOT)
                .policies(io.mynagate.jpki.profile.JpkiOids.POLICY_SIGNATURE)
                .keyPair(TestPki.sharedKeyPair("validation-ee")).issue();

        assertThat(validateNow(AUTH, contradictory).reason()).isEqualTo(Reason.PROFILE_MISMATCH);
    }

    @Test
    void reportsAnUnparsableExtensionAsMalformed() {
        TestPki.Issued broken = TestPki.root().subject("C=JP,CN=broken").endEntity()
                .keyUsage(KeyUsage.digitalSignature)
                .extension(org.bouncycastle.asn1.x509.Extension.authorityKeyIdentifier, false,
                        new org.bouncycastle.asn1.DERUTF8String("not a key identifier"))
                .keyPair(TestPki.sharedKeyPair("validation-ee")).issue();
        CertificateValidator any = validator(RequiredProfile.ANY_SKIPPING_JPKI_PROFILE_CHECKS, ROOT).withoutRevocationChecking().build();

        assertThat(validateNow(any, broken).reason()).isEqualTo(Reason.MALFORMED_CERTIFICATE);
    }

    @Test
    void rejectsCaCertificateAsEndEntity() {
        TestPki.Issued ca = TestPki.intermediate(ROOT).keyUsage(KeyUsage.keyCertSign | KeyUsage.digitalSignature)
                .keyPair(TestPki.sharedKeyPair("validation-ee")).issue();

        assertThat(validateNow(AUTH, ca).reason()).isEqualTo(Reason.PROFILE_MISMATCH);
    }

    @Test
    void rejectsRsa1024Key() {
        TestPki.Issued weak = TestPki.authenticationCertificate(ROOT).keyBits(1024).issue();

        ValidationResult result = validateNow(AUTH, weak);

        assertThat(result.reason()).isEqualTo(Reason.WRONG_KEY_TYPE);
        assertThat(result.message()).contains("RSA-1024");
    }

    @Test
    void rejectsEcKey() {
        TestPki.Issued ec = TestPki.authenticationCertificate(ROOT).keyPair(Fixtures.ecKeyPair()).issue();

        assertThat(validateNow(AUTH, ec).reason()).isEqualTo(Reason.WRONG_KEY_TYPE);
    }

    @Test
    void anyProfileIsPlainPathValidation() {
        CertificateValidator any = validator(RequiredProfile.ANY_SKIPPING_JPKI_PROFILE_CHECKS, ROOT).withoutRevocationChecking().build();
        TestPki.Issued ec = TestPki.authenticationCertificate(ROOT).keyPair(Fixtures.ecKeyPair())
                .keyUsage(KeyUsage.keyAgreement).issue();

        assertThat(validateNow(any, ec).reason()).isEqualTo(Reason.VALID);
    }

    @Test
    void rejectsExpiredCertificate() {
        Instant now = Instant.now();
        TestPki.Issued expired = TestPki.authenticationCertificate(ROOT)
                .keyPair(TestPki.sharedKeyPair("validation-ee"))
                .validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))).issue();

        assertThat(validateNow(AUTH, expired).reason()).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void rejectsNotYetValidCertificate() {
        Instant now = Instant.now();
        TestPki.Issued future = TestPki.authenticationCertificate(ROOT)
                .keyPair(TestPki.sharedKeyPair("validation-ee"))
                .validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))).issue();

        assertThat(validateNow(AUTH, future).reason()).isEqualTo(Reason.NOT_YET_VALID);
    }

    @Test
    void validatesAtTheGivenInstantNotNow() {
        TestPki.Issued certificate = auth(ROOT);

        ValidationResult result = AUTH.validate(certificate.certificate(), List.of(),
                Instant.now().plus(Duration.ofDays(365 * 6L)));

        assertThat(result.reason()).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void rejectsExpiredTrustAnchor() {
        Instant now = Instant.now();
        TestPki.Issued oldRoot = TestPki.root().rootOrganization("JPKI", Fixtures.AUTH_UNIT)
                .keyPair(TestPki.sharedKeyPair("validation-root-old"))
                .validity(now.minus(Duration.ofDays(3650)), now.minus(Duration.ofDays(1))).issue();
        CertificateValidator validator = validator(RequiredProfile.AUTHENTICATION, oldRoot)
                .revocationSource(answering(State.GOOD)).build();

        ValidationResult result = validateNow(validator, auth(oldRoot));

        assertThat(result.reason()).isEqualTo(Reason.EXPIRED);
        assertThat(result.message()).contains("trust anchor");
    }

    @Test
    void rejectsCertificateOfAnUnconfiguredRootWithTheSameName() {
        assertThat(validateNow(AUTH, auth(ROOT_SAME_NAME)).reason()).isEqualTo(Reason.NO_TRUSTED_PATH);
    }

    @Test
    void acceptsCertificatesUnderEitherRootGenerationWithTheSameName() {
        CertificateValidator both = validator(RequiredProfile.AUTHENTICATION, ROOT_SAME_NAME, ROOT)
                .revocationSource(answering(State.GOOD)).build();

        assertThat(validateNow(both, auth(ROOT)).reason()).isEqualTo(Reason.VALID);
        assertThat(validateNow(both, auth(ROOT_SAME_NAME)).reason()).isEqualTo(Reason.VALID);
    }

    @Test
    void choosesTheRootGenerationBySignatureWhenThereIsNoKeyIdentifier() {
        CertificateValidator both = validator(RequiredProfile.AUTHENTICATION, ROOT_SAME_NAME, ROOT)
                .revocationSource(answering(State.GOOD)).build();

        for (TestPki.Issued root : List.of(ROOT, ROOT_SAME_NAME)) {
            ValidationResult result = both.validate(Fixtures.authWithoutKeyIdentifier(root), List.of(), Instant.now());
            assertThat(result.reason()).as("certificate under %s", root.keyPair().getPublic().hashCode())
                    .isEqualTo(Reason.VALID);
        }
    }

    @Test
    void rejectsCertificateWithoutKeyIdentifierFromAnUnconfiguredGeneration() {
        ValidationResult result = AUTH.validate(Fixtures.authWithoutKeyIdentifier(ROOT_SAME_NAME), List.of(),
                Instant.now());

        // Only one candidate by name, so PKIX checks the signature, which fails.
        assertThat(result.reason()).isEqualTo(Reason.INVALID_PATH);
    }

    @Test
    void rejectsForgedSignatureClaimingAConfiguredRoot() {
        TestPki.Issued impostor = new TestPki.Issued(ROOT.certificate(), TestPki.sharedKeyPair("validation-root-b"));

        assertThat(validateNow(AUTH, auth(impostor)).reason()).isEqualTo(Reason.INVALID_PATH);
    }

    @Test
    void refusesTestRootUnlessAllowed() {
        TestPki.Issued testRoot = TestPki.root().keyPair(TestPki.sharedKeyPair("validation-test-root")).issue();
        CertificateValidator production = validator(RequiredProfile.AUTHENTICATION, testRoot)
                .revocationSource(answering(State.GOOD)).build();

        assertThat(validateNow(production, auth(testRoot)).reason()).isEqualTo(Reason.TEST_ROOT_REFUSED);
    }

    @Test
    void acceptsTestRootWhenAllowed() {
        TestPki.Issued testRoot = TestPki.root().keyPair(TestPki.sharedKeyPair("validation-test-root")).issue();
        CertificateValidator test = validator(RequiredProfile.AUTHENTICATION, testRoot).allowTestRoots()
                .revocationSource(answering(State.GOOD)).build();

        assertThat(validateNow(test, auth(testRoot)).reason()).isEqualTo(Reason.VALID);
    }

    @Test
    void validatesThroughAGivenIntermediate() {
        TestPki.Issued intermediate = TestPki.intermediate(ROOT).subject("C=JP,O=JPKI,OU=Intermediate")
                .keyPair(TestPki.sharedKeyPair("validation-intermediate")).issue();

        ValidationResult result = validateNow(AUTH, auth(intermediate), intermediate.certificate());

        assertThat(result.reason()).isEqualTo(Reason.VALID);
    }

    @Test
    void neverTrustsAnIntermediateAsAnchor() {
        TestPki.Issued intermediate = TestPki.intermediate(ROOT_SAME_NAME).subject("C=JP,O=JPKI,OU=Intermediate")
                .keyPair(TestPki.sharedKeyPair("validation-intermediate")).issue();

        assertThat(validateNow(AUTH, auth(intermediate), intermediate.certificate()).reason())
                .isEqualTo(Reason.NO_TRUSTED_PATH);
    }

    @Test
    void rejectsPathThroughANonCaIntermediate() {
        TestPki.Issued notCa = TestPki.intermediate(ROOT).subject("C=JP,O=JPKI,OU=Intermediate").endEntity()
                .keyPair(TestPki.sharedKeyPair("validation-intermediate")).issue();

        assertThat(validateNow(AUTH, auth(notCa), notCa.certificate()).reason()).isEqualTo(Reason.INVALID_PATH);
    }

    @Test
    void refusesPathThroughATestIntermediate() {
        TestPki.Issued testIntermediate = TestPki.intermediate(ROOT)
                .keyPair(TestPki.sharedKeyPair("validation-intermediate")).issue();

        assertThat(validateNow(AUTH, auth(testIntermediate), testIntermediate.certificate()).reason())
                .isEqualTo(Reason.TEST_ROOT_REFUSED);
    }

    @Test
    void rejectsRevokedCertificateWithTheDecidingEvidence() {
        CertificateValidator validator = validator(RequiredProfile.AUTHENTICATION, ROOT)
                .revocationSource(answering(State.REVOKED)).build();

        ValidationResult result = validateNow(validator, auth(ROOT));

        assertThat(result.reason()).isEqualTo(Reason.REVOKED);
        assertThat(result.evidence()).isPresent();
    }

    @Test
    void rejectsCertificateUnknownToTheResponder() {
        CertificateValidator validator = validator(RequiredProfile.AUTHENTICATION, ROOT)
                .revocationSource(answering(State.UNKNOWN)).build();

        assertThat(validateNow(validator, auth(ROOT)).reason()).isEqualTo(Reason.REVOCATION_UNKNOWN);
    }

    @Test
    void failsClosedWhenRevocationIsUnavailable() {
        CertificateValidator validator = validator(RequiredProfile.AUTHENTICATION, ROOT)
                .revocationSource(Fixtures.failing("responder down")).build();

        ValidationResult result = validateNow(validator, auth(ROOT));

        assertThat(result.reason()).isEqualTo(Reason.REVOCATION_UNAVAILABLE);
        assertThat(result.message()).contains("responder down");
    }

    @Test
    void revocationFailOpenAcceptsUnavailableButNotRevoked() {
        CertificateValidator open = validator(RequiredProfile.AUTHENTICATION, ROOT)
                .revocationSource(Fixtures.failing("responder down")).revocationFailOpen().build();
        CertificateValidator openRevoked = validator(RequiredProfile.AUTHENTICATION, ROOT)
                .revocationSource(answering(State.REVOKED)).revocationFailOpen().build();

        assertThat(validateNow(open, auth(ROOT)).reason()).isEqualTo(Reason.VALID);
        assertThat(validateNow(openRevoked, auth(ROOT)).reason()).isEqualTo(Reason.REVOKED);
    }

    @Test
    void checksRevocationOfIntermediatesToo() {
        TestPki.Issued intermediate = TestPki.intermediate(ROOT).subject("C=JP,O=JPKI,OU=Intermediate")
                .keyPair(TestPki.sharedKeyPair("validation-intermediate")).issue();
        RevocationSource intermediateRevoked = (certificate, issuer, at) -> new RevocationStatus(
                certificate.equals(intermediate.certificate()) ? State.REVOKED : State.GOOD, Fixtures.crlEvidence());
        CertificateValidator validator = validator(RequiredProfile.AUTHENTICATION, ROOT)
                .revocationSource(intermediateRevoked).build();

        ValidationResult result = validateNow(validator, auth(intermediate), intermediate.certificate());

        assertThat(result.reason()).isEqualTo(Reason.REVOKED);
        assertThat(result.message()).contains("intermediate");
    }

    @Test
    void passesTheChosenIssuerToTheRevocationSource() {
        CertificateValidator both = validator(RequiredProfile.AUTHENTICATION, ROOT, ROOT_SAME_NAME)
                .revocationSource((certificate, issuer, at) -> new RevocationStatus(
                        issuer.equals(ROOT_SAME_NAME.certificate()) ? State.GOOD : State.REVOKED,
                        Fixtures.crlEvidence()))
                .build();

        assertThat(validateNow(both, auth(ROOT_SAME_NAME)).reason()).isEqualTo(Reason.VALID);
    }
}
