package io.mynagate.jpki.validation;

import static io.mynagate.jpki.validation.Fixtures.ROOT;
import static io.mynagate.jpki.validation.Fixtures.ROOT_SAME_NAME;
import static io.mynagate.jpki.validation.Fixtures.answering;
import static io.mynagate.jpki.validation.Fixtures.auth;
import static io.mynagate.jpki.validation.Fixtures.validateNow;
import static io.mynagate.jpki.validation.Fixtures.validator;
import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.jpki.Reason;
import io.mynagate.jpki.testing.TestPki;
import io.mynagate.jpki.validation.RevocationStatus.State;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

/**
 * Key identifiers and test-name verdicts are remembered by their exact bytes (DerMemo): after a validation
 * filled the memo, what a first validation refuses is still refused, for the same reason.
 */
class RememberedParsesTest {
    private static final CertificateValidator AUTH =
            validator(RequiredProfile.AUTHENTICATION, ROOT).revocationSource(answering(State.GOOD)).build();

    @Test
    void refusesAnotherGenerationsCertificateAfterTheConfiguredRootsIdentifiersWereRemembered() {
        assertThat(validateNow(AUTH, auth(ROOT)).reason()).isEqualTo(Reason.VALID);
        assertThat(validateNow(AUTH, auth(ROOT)).reason()).isEqualTo(Reason.VALID);

        // Same issuer name, the other generation's key identifier: selection still tells them apart.
        assertThat(validateNow(AUTH, auth(ROOT_SAME_NAME)).reason()).isEqualTo(Reason.NO_TRUSTED_PATH);
    }

    @Test
    void refusesTheConfiguredRootsCertificateToAValidatorOfTheOtherGenerationAfterItWasAccepted() {
        CertificateValidator other = validator(RequiredProfile.AUTHENTICATION, ROOT_SAME_NAME)
                .revocationSource(answering(State.GOOD)).build();
        TestPki.Issued card = auth(ROOT);

        assertThat(validateNow(AUTH, card).reason()).isEqualTo(Reason.VALID);
        assertThat(validateNow(other, card).reason()).isEqualTo(Reason.NO_TRUSTED_PATH);
    }

    @Test
    void reportsAnUnparsableKeyIdentifierAsMalformedEveryTime() {
        TestPki.Issued broken = TestPki.root().subject("C=JP,CN=broken").endEntity()
                .keyUsage(KeyUsage.digitalSignature)
                .extension(Extension.authorityKeyIdentifier, false, new DERUTF8String("not a key identifier"))
                .keyPair(TestPki.sharedKeyPair("validation-ee")).issue();
        CertificateValidator any = validator(RequiredProfile.ANY_SKIPPING_JPKI_PROFILE_CHECKS, ROOT)
                .withoutRevocationChecking().build();

        assertThat(validateNow(any, broken).reason()).isEqualTo(Reason.MALFORMED_CERTIFICATE);
        assertThat(validateNow(any, broken).reason()).isEqualTo(Reason.MALFORMED_CERTIFICATE);
    }

    @Test
    void refusesATestRootAfterProductionNamesWereRememberedAndAgainAfterItsOwnVerdict() {
        TestPki.Issued testRoot = TestPki.root().keyPair(TestPki.sharedKeyPair("validation-test-root")).issue();
        CertificateValidator production = validator(RequiredProfile.AUTHENTICATION, ROOT, testRoot)
                .revocationSource(answering(State.GOOD)).build();

        assertThat(validateNow(production, auth(ROOT)).reason()).isEqualTo(Reason.VALID);
        assertThat(validateNow(production, auth(testRoot)).reason()).isEqualTo(Reason.TEST_ROOT_REFUSED);
        assertThat(validateNow(production, auth(testRoot)).reason()).isEqualTo(Reason.TEST_ROOT_REFUSED);
    }
}
