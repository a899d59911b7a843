package io.mynagate.jpki.validation;

import static io.mynagate.jpki.validation.CrlFixtures.NOW;
import static io.mynagate.jpki.validation.CrlFixtures.assertReason;
import static io.mynagate.jpki.validation.CrlFixtures.evidence;
import static io.mynagate.jpki.validation.CrlFixtures.validate;
import static io.mynagate.jpki.validation.Fixtures.ROOT;
import static io.mynagate.jpki.validation.Fixtures.ROOT_SAME_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.jpki.Reason;
import io.mynagate.jpki.testing.TestCrl;
import io.mynagate.jpki.testing.TestPki;
import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;

/**
 * Delta CRLs (RFC 5280 sections 5.2.4, 5.2.6 and 6.3.3 (c), (h)-(k)): a revocation published only in the
 * delta must revoke, and a complete CRL that announces deltas is not enough on its own.
 */
class DeltaCrlTest {
    private static final String DELTA_URL = "http://crl.example.test/root-delta.crl";
    private static final TestPki.Issued CARD = Fixtures.auth(ROOT);

    private static TestCrl.Builder complete() {
        return TestCrl.by(ROOT).number(10).freshestCrl(DELTA_URL);
    }

    private static TestCrl.Builder delta() {
        return TestCrl.by(ROOT).number(11).deltaOf(10);
    }

    private static ValidationResult validateCard(X509CRL... crls) {
        return validate(ROOT, CARD.certificate(), List.of(), crls);
    }

    @Test
    void revokesACertificateListedOnlyOnTheDeltaCrl() {
        ValidationResult result = validateCard(complete().build(), delta().revoke(CARD.certificate()).build());

        assertReason(result, Reason.REVOKED);
        assertThat(evidence(result).deltaCrlNumberOrNull()).isEqualTo(BigInteger.valueOf(11));
    }

    @Test
    void reportsTheNumbersOfTheCompleteAndTheDeltaCrl() {
        ValidationResult result = validateCard(complete().build(), delta().build());

        assertReason(result, Reason.VALID);
        CrlEvidence evidence = evidence(result);
        assertThat(evidence.crlNumberOrNull()).isEqualTo(BigInteger.valueOf(10));
        assertThat(evidence.deltaCrlNumberOrNull()).isEqualTo(BigInteger.valueOf(11));
        assertThat(evidence.toMap()).containsEntry("crlNumber", "10").containsEntry("deltaCrlNumber", "11");
        assertThat(evidence.describe()).contains("CRL number 10 with delta CRL number 11");
    }

    @Test
    void refusesACompleteCrlThatAnnouncesDeltasWhenNoDeltaIsConfigured() {
        ValidationResult result = validateCard(complete().build());

        assertReason(result, Reason.REVOCATION_UNAVAILABLE);
        assertThat(result.message()).contains("Freshest CRL");
    }

    @Test
    void refusesACertificateThatAnnouncesDeltasWhenNoDeltaIsConfigured() {
        TestPki.Issued card = TestPki.authenticationCertificate(ROOT).keyPair(TestPki.sharedKeyPair("validation-ee"))
                .extension(Extension.freshestCRL, false, TestCrl.distributionPoints(TestCrl.point(DELTA_URL)))
                .issue();
        X509CRL silentComplete = TestCrl.by(ROOT).number(10).build();

        assertReason(validate(ROOT, card.certificate(), List.of(), silentComplete), Reason.REVOCATION_UNAVAILABLE);
    }

    @Test
    void usesADeltaCrlEvenWhenTheCompleteCrlDoesNotAnnounceIt() {
        X509CRL silentComplete = TestCrl.by(ROOT).number(10).build();

        assertReason(validateCard(silentComplete, delta().revoke(CARD.certificate()).build()), Reason.REVOKED);
    }

    @Test
    void refusesAStaleDeltaCrl() {
        X509CRL stale = delta().validity(NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1))).build();

        ValidationResult result = validateCard(complete().build(), stale);

        assertReason(result, Reason.REVOCATION_UNAVAILABLE);
        assertThat(result.message()).contains("stale");
    }

    @Test
    void refusesADeltaCrlBasedOnANewerCompleteCrl() {
        X509CRL tooNew = TestCrl.by(ROOT).number(13).deltaOf(12).build();

        ValidationResult result = validateCard(complete().build(), tooNew);

        assertReason(result, Reason.REVOCATION_UNAVAILABLE);
        assertThat(result.message()).contains("based on CRL number 12");
    }

    @Test
    void refusesADeltaCrlThatIsNotNewerThanTheCompleteCrl() {
        X509CRL old = TestCrl.by(ROOT).number(9).deltaOf(8).build();

        ValidationResult result = validateCard(complete().build(), old);

        assertReason(result, Reason.REVOCATION_UNAVAILABLE);
        assertThat(result.message()).contains("not newer");
    }

    @Test
    void refusesADeltaCrlSignedByAnotherKeyOfTheSameName() {
        X509CRL complete = complete().withoutAuthorityKeyIdentifier().build();
        X509CRL foreignDelta = TestCrl.by(ROOT_SAME_NAME).number(11).deltaOf(10).withoutAuthorityKeyIdentifier()
                .build();

        ValidationResult result = validateCard(complete, foreignDelta);

        assertReason(result, Reason.REVOCATION_UNAVAILABLE);
        assertThat(result.message()).contains("signature does not verify with the key that signed the complete CRL");
    }

    @Test
    void refusesADeltaCrlOfAnotherScope() {
        X509CRL usersOnly = complete().onlyUserCertificates().build();

        assertReason(validateCard(usersOnly, delta().build()), Reason.REVOCATION_UNAVAILABLE);
        assertReason(validateCard(usersOnly, delta().onlyUserCertificates().build()), Reason.VALID);
    }

    @Test
    void usesTheNewestOfSeveralDeltaCrls() {
        X509CRL older = delta().build();
        X509CRL newer = TestCrl.by(ROOT).number(12).deltaOf(10).revoke(CARD.certificate()).build();

        ValidationResult result = validateCard(complete().build(), older, newer);

        assertReason(result, Reason.REVOKED);
        assertThat(evidence(result).deltaCrlNumberOrNull()).isEqualTo(BigInteger.valueOf(12));
    }

    @Test
    void releasesAHoldWithRemoveFromCrlOnTheDelta() {
        X509CRL held = complete().revoke(CARD.certificate(), CRLReason.certificateHold).build();
        X509CRL released = delta().revoke(CARD.certificate(), CRLReason.removeFromCRL).build();

        assertReason(validateCard(held), Reason.REVOCATION_UNAVAILABLE);
        assertReason(validateCard(held, delta().build()), Reason.REVOKED);
        assertReason(validateCard(held, released), Reason.VALID);
    }

    @Test
    void removeFromCrlDoesNotUndoAPermanentRevocation() {
        X509CRL revoked = complete().revoke(CARD.certificate(), CRLReason.keyCompromise).build();
        X509CRL contradicting = delta().revoke(CARD.certificate(), CRLReason.removeFromCRL).build();

        assertReason(validateCard(revoked, contradicting), Reason.REVOKED);
    }

    @Test
    void refusesRemoveFromCrlOnACompleteCrl() {
        X509CRL misused = TestCrl.by(ROOT).revoke(CARD.certificate(), CRLReason.removeFromCRL).build();

        ValidationResult result = validateCard(misused);

        assertReason(result, Reason.REVOCATION_UNAVAILABLE);
        assertThat(result.message()).contains("removeFromCRL entry in a CRL that is not a delta CRL");
    }

    @Test
    void neverTakesADeltaCrlForACompleteOne() {
        assertReason(validateCard(delta().build()), Reason.REVOCATION_UNAVAILABLE);
    }
}
