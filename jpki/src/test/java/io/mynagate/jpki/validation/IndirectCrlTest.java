package io.mynagate.jpki.validation;

import static io.mynagate.jpki.validation.CrlFixtures.assertReason;
import static io.mynagate.jpki.validation.CrlFixtures.evidence;
import static io.mynagate.jpki.validation.CrlFixtures.validate;
import static io.mynagate.jpki.validation.Fixtures.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.jpki.Reason;
import io.mynagate.jpki.testing.TestCrl;
import io.mynagate.jpki.testing.TestPki;
import java.security.cert.X509CRL;
import java.util.List;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

/**
 * Indirect CRLs (RFC 5280 sections 5.2.5, 5.3.3 and 6.3.3 (b)(1)): the card's distribution point names a
 * cRLIssuer other than its CA; that CRL issuer's CRL asserts indirectCRL and marks the entries of other
 * issuers with certificateIssuer.
 */
class IndirectCrlTest {
    private static final String POINT = "http://crl.example.test/indirect.crl";
    private static final X509CRL ROOT_CRL = TestCrl.by(ROOT).number(2).build();
    private static final TestPki.Issued CA = CrlFixtures.ca(ROOT, "Indirect Issuing CA");
    private static final TestPki.Issued OTHER_CA = CrlFixtures.ca(ROOT, "Other Issuing CA");
    private static final TestPki.Issued CRL_ISSUER = TestPki.intermediate(ROOT).subject("C=JP,O=JPKI,OU=CRL Issuer")
            .endEntity().keyUsage(KeyUsage.cRLSign).keyPair(TestPki.sharedKeyPair("crl-indirect-issuer")).issue();
    private static final TestPki.Issued CARD = TestPki.authenticationCertificate(CA)
            .keyPair(TestPki.sharedKeyPair("validation-ee"))
            .extension(Extension.cRLDistributionPoints, false,
                    TestCrl.distributionPoints(TestCrl.point(POINT, CRL_ISSUER.certificate())))
            .issue();
    /** Another card of the same CA, listed before the card so that the card's entry inherits its issuer. */
    private static final TestPki.Issued NEIGHBOUR = Fixtures.auth(CA);
    /** A card of another CA with the card's serial number. */
    private static final TestPki.Issued SAME_SERIAL_ELSEWHERE = TestPki.authenticationCertificate(OTHER_CA)
            .serial(CARD.certificate().getSerialNumber()).keyPair(TestPki.sharedKeyPair("validation-ee")).issue();

    private static TestCrl.Builder indirectCrl() {
        return TestCrl.by(CRL_ISSUER).number(60).distributionPoint(POINT).indirect();
    }

    private static ValidationResult validateCard(X509CRL crl) {
        return validate(ROOT, CARD.certificate(), List.of(CA.certificate(), CRL_ISSUER.certificate()), ROOT_CRL, crl);
    }

    @Test
    void reportsGoodFromTheIndirectCrlOfTheNamedCrlIssuer() {
        ValidationResult result = validateCard(indirectCrl().build());

        assertReason(result, Reason.VALID);
        assertThat(evidence(result).issuer()).isEqualTo(CRL_ISSUER.certificate().getSubjectX500Principal().getName());
    }

    @Test
    void revokesThroughACertificateIssuerEntry() {
        X509CRL crl = indirectCrl().revokeOfIssuer(CARD.certificate(), CRLReason.keyCompromise).build();

        assertReason(validateCard(crl), Reason.REVOKED);
    }

    @Test
    void entriesAfterACertificateIssuerEntryBelongToThatIssuer() {
        X509CRL crl = indirectCrl().revokeOfIssuer(NEIGHBOUR.certificate(), CRLReason.superseded)
                .revoke(CARD.certificate()).build();

        assertReason(validateCard(crl), Reason.REVOKED);
    }

    @Test
    void anEntryWithoutCertificateIssuerIsOfTheCrlIssuerItself() {
        // The first entries of an indirect CRL are the CRL issuer's own: the same serial of the CA's card is not revoked.
        X509CRL crl = indirectCrl().revoke(CARD.certificate()).build();

        assertReason(validateCard(crl), Reason.VALID);
    }

    @Test
    void anEntryOfAnotherIssuerWithTheSameSerialDoesNotRevoke() {
        X509CRL crl = indirectCrl().revokeOfIssuer(SAME_SERIAL_ELSEWHERE.certificate(), CRLReason.keyCompromise)
                .build();

        assertReason(validateCard(crl), Reason.VALID);
    }

    @Test
    void refusesTheNamedIssuersCrlWithoutTheIndirectFlag() {
        X509CRL direct = TestCrl.by(CRL_ISSUER).distributionPoint(POINT).build();

        ValidationResult result = validateCard(direct);

        assertReason(result, Reason.REVOCATION_UNAVAILABLE);
        assertThat(result.message()).contains("not indirect");
    }

    @Test
    void refusesACertificateIssuerEntryInACrlThatIsNotIndirect() {
        TestPki.Issued plainCard = Fixtures.auth(CA);
        X509CRL direct = TestCrl.by(CA).revokeOfIssuer(NEIGHBOUR.certificate(), CRLReason.keyCompromise).build();

        ValidationResult result = validate(ROOT, plainCard.certificate(), List.of(CA.certificate()), ROOT_CRL, direct);

        assertReason(result, Reason.REVOCATION_UNAVAILABLE);
        assertThat(result.message()).contains("certificateIssuer entry in a CRL that is not indirect");
    }

    @Test
    void needsTheCertificateOfTheCrlIssuer() {
        X509CRL crl = indirectCrl().revokeOfIssuer(CARD.certificate(), CRLReason.keyCompromise).build();

        ValidationResult result = validate(ROOT, CARD.certificate(), List.of(CA.certificate()), ROOT_CRL, crl);

        assertReason(result, Reason.REVOCATION_UNAVAILABLE);
        assertThat(result.message()).contains("no supplied certificate of its issuer");
    }

    @Test
    void alsoUsesACompleteCrlOfTheCertificatesOwnIssuer() {
        // RFC 5280 6.3.3, last paragraph: CRLs of the certificate issuer not named in a distribution point
        // are used when the named ones left the status undecided.
        X509CRL byTheCa = TestCrl.by(CA).revoke(CARD.certificate()).build();

        assertReason(validateCard(byTheCa), Reason.REVOKED);
    }
}
