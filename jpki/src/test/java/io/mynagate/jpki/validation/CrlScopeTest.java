package io.mynagate.jpki.validation;

import static io.mynagate.jpki.validation.CrlFixtures.assertReason;
import static io.mynagate.jpki.validation.CrlFixtures.evidence;
import static io.mynagate.jpki.validation.CrlFixtures.validate;
import static io.mynagate.jpki.validation.Fixtures.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.jpki.Reason;
import io.mynagate.jpki.testing.TestCrl;
import io.mynagate.jpki.testing.TestPki;
import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.util.List;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ReasonFlags;
import org.junit.jupiter.api.Test;

/** RFC 5280 section 6.3.3 (b) and (d): which CRL covers which certificate, for which reasons. */
class CrlScopeTest {
    private static final String POINT = "http://crl.example.test/auth-1.crl";
    private static final String OTHER_POINT = "http://crl.example.test/auth-2.crl";
    private static final int KEY_REASONS = ReasonFlags.keyCompromise | ReasonFlags.cACompromise;
    private static final int OTHER_REASONS = ReasonFlags.affiliationChanged | ReasonFlags.superseded
            | ReasonFlags.cessationOfOperation | ReasonFlags.certificateHold | ReasonFlags.privilegeWithdrawn
            | ReasonFlags.aACompromise;

    private static final TestPki.Issued CA = CrlFixtures.ca(ROOT, "Scope CA");
    /** A card whose certificate names distribution point {@link #POINT}. */
    private static final TestPki.Issued CARD = card(TestCrl.point(POINT));
    /** A card whose certificate names no distribution point. */
    private static final TestPki.Issued PLAIN_CARD = TestPki.authenticationCertificate(CA)
            .keyPair(TestPki.sharedKeyPair("validation-ee")).issue();
    /** The root's CRL for the CA certificate, good. */
    private static final X509CRL ROOT_CRL = TestCrl.by(ROOT).number(3).build();

    private static TestPki.Issued card(DistributionPoint point) {
        return TestPki.authenticationCertificate(CA).keyPair(TestPki.sharedKeyPair("validation-ee"))
                .extension(Extension.cRLDistributionPoints, false, TestCrl.distributionPoints(point)).issue();
    }

    private static ValidationResult validateCard(TestPki.Issued card, X509CRL... caCrls) {
        X509CRL[] crls = new X509CRL[caCrls.length + 1];
        crls[0] = ROOT_CRL;
        System.arraycopy(caCrls, 0, crls, 1, caCrls.length);
        return validate(ROOT, card.certificate(), List.of(CA.certificate()), crls);
    }

    @Test
    void acceptsACriticalIssuingDistributionPointThatCoversTheCertificate() {
        X509CRL crl = TestCrl.by(CA).number(21).distributionPoint(POINT).build();

        ValidationResult result = validateCard(CARD, crl);

        assertReason(result, Reason.VALID);
        assertThat(crl.getCriticalExtensionOIDs()).contains(Extension.issuingDistributionPoint.getId());
        assertThat(evidence(result).crlNumberOrNull()).isEqualTo(BigInteger.valueOf(21));
    }

    @Test
    void revokesThroughACrlWithACriticalIssuingDistributionPoint() {
        X509CRL crl = TestCrl.by(CA).distributionPoint(POINT).revoke(CARD.certificate()).build();

        assertReason(validateCard(CARD, crl), Reason.REVOKED);
    }

    @Test
    void ignoresACrlOfAnotherDistributionPoint() {
        X509CRL other = TestCrl.by(CA).distributionPoint(OTHER_POINT).build();

        ValidationResult result = validateCard(CARD, other);

        assertReason(result, Reason.REVOCATION_UNAVAILABLE);
        assertThat(result.message()).contains("names another distribution point");
    }

    @Test
    void picksTheCrlOfTheCertificatesDistributionPointAmongPartitions() {
        X509CRL other = TestCrl.by(CA).number(1).distributionPoint(OTHER_POINT).build();
        X509CRL own = TestCrl.by(CA).number(2).distributionPoint(POINT).revoke(CARD.certificate()).build();

        assertReason(validateCard(CARD, other, own), Reason.REVOKED);
    }

    @Test
    void matchesADistributionPointNameRelativeToTheCrlIssuer() {
        TestPki.Issued card = card(TestCrl.relativePoint("Partition 7"));
        X509CRL crl = TestCrl.by(CA).relativeDistributionPoint("Partition 7").revoke(card.certificate()).build();
        X509CRL otherPartition = TestCrl.by(CA).relativeDistributionPoint("Partition 8").build();

        assertReason(validateCard(card, crl), Reason.REVOKED);
        assertReason(validateCard(card, otherPartition), Reason.REVOCATION_UNAVAILABLE);
    }

    @Test
    void usesACrlNamedAfterTheIssuerForACertificateWithoutDistributionPoints() {
        // RFC 5280 6.3.3, last paragraph: the assumed distribution point is named by the certificate issuer.
        X509CRL crl = TestCrl.by(CA).distributionPoint(CA.certificate()).revoke(PLAIN_CARD.certificate()).build();

        assertReason(validateCard(PLAIN_CARD, crl), Reason.REVOKED);
    }

    @Test
    void doesNotUseAPartitionCrlForACertificateWithoutDistributionPoints() {
        X509CRL partition = TestCrl.by(CA).distributionPoint(POINT).build();

        assertReason(validateCard(PLAIN_CARD, partition), Reason.REVOCATION_UNAVAILABLE);
    }

    @Test
    void decidesAnEndEntityWithAUserCertificatesOnlyCrl() {
        X509CRL users = TestCrl.by(CA).onlyUserCertificates().revoke(CARD.certificate()).build();

        assertReason(validateCard(CARD, users), Reason.REVOKED);
    }

    @Test
    void doesNotUseAUserCertificatesOnlyCrlForACaCertificate() {
        X509CRL usersOfRoot = TestCrl.by(ROOT).onlyUserCertificates().build();
        X509CRL caCrl = TestCrl.by(CA).build();

        ValidationResult result = validate(ROOT, CARD.certificate(), List.of(CA.certificate()), usersOfRoot, caCrl);

        assertReason(result, Reason.REVOCATION_UNAVAILABLE);
        assertThat(result.message()).contains("intermediate").contains("onlyContainsUserCerts");
    }

    @Test
    void decidesACaCertificateWithACaCertificatesOnlyCrl() {
        X509CRL casOfRoot = TestCrl.by(ROOT).onlyCaCertificates().revoke(CA.certificate()).build();
        X509CRL caCrl = TestCrl.by(CA).build();

        ValidationResult result = validate(ROOT, CARD.certificate(), List.of(CA.certificate()), casOfRoot, caCrl);

        assertReason(result, Reason.REVOKED);
        assertThat(result.message()).contains("intermediate");
    }

    @Test
    void doesNotUseACaCertificatesOnlyCrlForAnEndEntity() {
        X509CRL cas = TestCrl.by(CA).onlyCaCertificates().build();

        ValidationResult result = validateCard(CARD, cas);

        assertReason(result, Reason.REVOCATION_UNAVAILABLE);
        assertThat(result.message()).contains("onlyContainsCACerts");
    }

    @Test
    void doesNotUseAnAttributeCertificatesOnlyCrl() {
        X509CRL attributes = TestCrl.by(CA).onlyAttributeCertificates().build();

        assertReason(validateCard(CARD, attributes), Reason.REVOCATION_UNAVAILABLE);
    }

    @Test
    void aCrlForSomeReasonsAloneDecidesNothing() {
        X509CRL keyReasons = TestCrl.by(CA).onlySomeReasons(KEY_REASONS).build();

        assertReason(validateCard(CARD, keyReasons), Reason.REVOCATION_UNAVAILABLE);
    }

    @Test
    void crlsPartitionedByReasonTogetherDecideGood() {
        X509CRL keyReasons = TestCrl.by(CA).number(5).onlySomeReasons(KEY_REASONS).build();
        X509CRL otherReasons = TestCrl.by(CA).number(6).onlySomeReasons(OTHER_REASONS).build();

        assertReason(validateCard(CARD, keyReasons, otherReasons), Reason.VALID);
    }

    @Test
    void aCrlForSomeReasonsStillRevokes() {
        X509CRL keyReasons = TestCrl.by(CA).onlySomeReasons(KEY_REASONS)
                .revoke(CARD.certificate(), CRLReason.keyCompromise).build();

        assertReason(validateCard(CARD, keyReasons), Reason.REVOKED);
    }

    @Test
    void aDistributionPointForSomeReasonsNeedsTheOtherReasonsFromElsewhere() {
        // The certificate's only distribution point covers key compromise: the rest stays undecided.
        TestPki.Issued card = card(TestCrl.point(POINT, KEY_REASONS));
        X509CRL crl = TestCrl.by(CA).distributionPoint(POINT).build();
        X509CRL issuerWide = TestCrl.by(CA).number(9).build();

        assertReason(validateCard(card, crl), Reason.REVOCATION_UNAVAILABLE);
        assertReason(validateCard(card, crl, issuerWide), Reason.VALID);
    }

    @Test
    void refusesACrlThatAssertsTwoOnlyContainsFlags() {
        // Bouncy Castle will not build this one, so it is written by hand: [1] onlyContainsUserCerts TRUE,
        // [2] onlyContainsCACerts TRUE.
        DERSequence bothFlags = new DERSequence(new ASN1Encodable[] {
                new DERTaggedObject(false, 1, ASN1Boolean.TRUE), new DERTaggedObject(false, 2, ASN1Boolean.TRUE)});
        X509CRL contradictory = TestCrl.by(CA).extension(Extension.issuingDistributionPoint, true, bothFlags).build();

        ValidationResult result = validateCard(CARD, contradictory);

        assertReason(result, Reason.REVOCATION_UNAVAILABLE);
        assertThat(result.message()).contains("more than one");
    }
}
