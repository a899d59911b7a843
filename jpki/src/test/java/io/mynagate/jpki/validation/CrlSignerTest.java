package io.mynagate.jpki.validation;

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
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

/** RFC 5280 section 6.3.3 (f) and (g): the CRL signer, found by name and key, validated to the same anchor. */
class CrlSignerTest {
    /** The root's CRL: the CA certificates below are good. */
    private static final X509CRL ROOT_CRL = TestCrl.by(ROOT).number(4).build();

    // Key rollover: one CA name, an old key that issued the card, a new key that signs the CRLs now.
    private static final TestPki.Issued OLD_KEY = TestPki.intermediate(ROOT).subject("C=JP,O=JPKI,OU=Rollover CA")
            .keyPair(TestPki.sharedKeyPair("crl-rollover-old")).issue();
    private static final TestPki.Issued NEW_KEY = TestPki.intermediate(ROOT).subject("C=JP,O=JPKI,OU=Rollover CA")
            .keyPair(TestPki.sharedKeyPair("crl-rollover-new")).issue();
    private static final TestPki.Issued ROLLOVER_CARD = Fixtures.auth(OLD_KEY);

    // Separate keys (as PKITS 4.4.19): one certificate of the CA for signing certificates, one for CRLs.
    private static final TestPki.Issued CERT_SIGNER = TestPki.intermediate(ROOT).subject("C=JP,O=JPKI,OU=Separate CA")
            .keyUsage(KeyUsage.keyCertSign).keyPair(TestPki.sharedKeyPair("crl-separate-certs")).issue();
    private static final TestPki.Issued CRL_SIGNER = TestPki.intermediate(ROOT).subject("C=JP,O=JPKI,OU=Separate CA")
            .endEntity().keyUsage(KeyUsage.cRLSign).keyPair(TestPki.sharedKeyPair("crl-separate-crls")).issue();
    private static final TestPki.Issued SEPARATE_CARD = Fixtures.auth(CERT_SIGNER);

    private static ValidationResult validateRollover(boolean giveNewKey, X509CRL... crls) {
        List<X509Certificate> intermediates = giveNewKey
                ? List.of(OLD_KEY.certificate(), NEW_KEY.certificate()) : List.of(OLD_KEY.certificate());
        return validate(ROOT, ROLLOVER_CARD.certificate(), intermediates, crls);
    }

    private static ValidationResult validateSeparate(TestPki.Issued crlSigner, X509CRL... crls) {
        return validate(ROOT, SEPARATE_CARD.certificate(),
                List.of(CERT_SIGNER.certificate(), crlSigner.certificate()), crls);
    }

    @Test
    void usesACrlSignedByTheNewKeyOfTheSameCa() {
        X509CRL byNewKey = TestCrl.by(NEW_KEY).number(30).build();

        ValidationResult result = validateRollover(true, ROOT_CRL, byNewKey);

        assertReason(result, Reason.VALID);
        assertThat(evidence(result).crlNumberOrNull()).isEqualTo(BigInteger.valueOf(30));
    }

    @Test
    void revokesThroughACrlSignedByTheNewKeyOfTheSameCa() {
        X509CRL byNewKey = TestCrl.by(NEW_KEY).revoke(ROLLOVER_CARD.certificate()).build();

        assertReason(validateRollover(true, ROOT_CRL, byNewKey), Reason.REVOKED);
    }

    @Test
    void needsTheCertificateOfTheNewKeyToUseItsCrl() {
        X509CRL byNewKey = TestCrl.by(NEW_KEY).revoke(ROLLOVER_CARD.certificate()).build();

        ValidationResult result = validateRollover(false, ROOT_CRL, byNewKey);

        assertReason(result, Reason.REVOCATION_UNAVAILABLE);
        assertThat(result.message()).contains("no supplied certificate of its issuer");
    }

    @Test
    void triesTheSignatureWhenTheCrlNamesNoKey() {
        X509CRL byNewKey = TestCrl.by(NEW_KEY).withoutAuthorityKeyIdentifier()
                .revoke(ROLLOVER_CARD.certificate()).build();

        assertReason(validateRollover(true, ROOT_CRL, byNewKey), Reason.REVOKED);
        assertThat(validateRollover(false, ROOT_CRL, byNewKey).message()).contains("signature does not verify");
    }

    @Test
    void usesACrlOfASeparateCrlSigningCertificateGivenAsIntermediate() {
        X509CRL crl = TestCrl.by(CRL_SIGNER).number(40).build();

        ValidationResult result = validateSeparate(CRL_SIGNER, ROOT_CRL, crl);

        assertReason(result, Reason.VALID);
        assertThat(evidence(result).crlNumberOrNull()).isEqualTo(BigInteger.valueOf(40));
    }

    @Test
    void revokesThroughACrlOfASeparateCrlSigningCertificate() {
        X509CRL crl = TestCrl.by(CRL_SIGNER).revoke(SEPARATE_CARD.certificate()).build();

        assertReason(validateSeparate(CRL_SIGNER, ROOT_CRL, crl), Reason.REVOKED);
    }

    @Test
    void findsTheSeparateCrlSignerBehindACacheAndAFallback() {
        // The wrappers must hand the validated path on, or the signer among the intermediates is lost.
        RevocationSource crls = RevocationSources.crl().crl(ROOT_CRL)
                .crl(TestCrl.by(CRL_SIGNER).revoke(SEPARATE_CARD.certificate()).build()).build();
        RevocationSource wrapped = RevocationSources.cached(
                RevocationSources.firstAvailable(List.of(Fixtures.failing("ocsp down"), crls)));
        CertificateValidator validator = Fixtures.validator(RequiredProfile.AUTHENTICATION, ROOT)
                .revocationSource(wrapped).build();

        ValidationResult result = validator.validate(SEPARATE_CARD.certificate(),
                List.of(CERT_SIGNER.certificate(), CRL_SIGNER.certificate()), CrlFixtures.NOW);

        assertReason(result, Reason.REVOKED);
    }

    @Test
    void refusesTheCrlWhenItsSigningCertificateIsRevoked() {
        // PKITS 4.4.21: the CRL signing certificate is on its issuer's CRL.
        X509CRL rootRevokesSigner = TestCrl.by(ROOT).number(5).revoke(CRL_SIGNER.certificate()).build();
        X509CRL crl = TestCrl.by(CRL_SIGNER).build();

        ValidationResult result = validateSeparate(CRL_SIGNER, rootRevokesSigner, crl);

        assertReason(result, Reason.REVOCATION_UNAVAILABLE);
        assertThat(result.message()).contains("signer's certificate is revoked");
    }

    @Test
    void refusesTheCrlWhenItsSigningCertificatesRevocationIsUnknown() {
        X509CRL crl = TestCrl.by(CRL_SIGNER).build();
        X509CRL rootCrlForCasOnly = TestCrl.by(ROOT).onlyCaCertificates().build();

        ValidationResult result = validateSeparate(CRL_SIGNER, rootCrlForCasOnly, crl);

        assertReason(result, Reason.REVOCATION_UNAVAILABLE);
        assertThat(result.message()).contains("signer's certificate has no revocation answer");
    }

    @Test
    void refusesACrlSigningCertificateWithoutCrlSign() {
        TestPki.Issued noCrlSign = TestPki.intermediate(ROOT).subject("C=JP,O=JPKI,OU=Separate CA").endEntity()
                .keyUsage(KeyUsage.digitalSignature).keyPair(TestPki.sharedKeyPair("crl-separate-crls")).issue();
        X509CRL crl = TestCrl.by(noCrlSign).build();

        ValidationResult result = validateSeparate(noCrlSign, ROOT_CRL, crl);

        assertReason(result, Reason.REVOCATION_UNAVAILABLE);
        assertThat(result.message()).contains("cRLSign");
    }

    @Test
    void refusesACrlSigningCertificateOfAnotherTrustAnchor() {
        // Same name and key as the real CRL signer, but certified by the other root generation.
        TestPki.Issued foreign = TestPki.intermediate(ROOT_SAME_NAME).subject("C=JP,O=JPKI,OU=Separate CA")
                .endEntity().keyUsage(KeyUsage.cRLSign).keyPair(TestPki.sharedKeyPair("crl-separate-crls")).issue();
        X509CRL crl = TestCrl.by(foreign).build();

        ValidationResult result = validateSeparate(foreign, ROOT_CRL, crl);

        assertReason(result, Reason.REVOCATION_UNAVAILABLE);
        assertThat(result.message()).contains("no valid path to the certificate's trust anchor");
    }

    @Test
    void verifiesACrlSignedWithInheritedDsaParameters() {
        Dsa dsa = Dsa.INSTANCE;
        X509CRL crl = TestCrl.by(dsa.ca).number(50).build();

        ValidationResult result = validate(dsa.root, dsa.card.certificate(), List.of(dsa.ca.certificate()),
                dsa.rootCrl, crl);

        assertThat(((DSAPublicKey) dsa.ca.certificate().getPublicKey()).getParams()).isNull();
        assertReason(result, Reason.VALID);
        assertThat(evidence(result).crlNumberOrNull()).isEqualTo(BigInteger.valueOf(50));
    }

    @Test
    void revokesThroughACrlSignedWithInheritedDsaParameters() {
        Dsa dsa = Dsa.INSTANCE;
        X509CRL crl = TestCrl.by(dsa.ca).revoke(dsa.card.certificate()).build();

        assertReason(validate(dsa.root, dsa.card.certificate(), List.of(dsa.ca.certificate()), dsa.rootCrl, crl),
                Reason.REVOKED);
    }

    /** PKITS 4.1.5 in small: a DSA root, a DSA CA whose certificate omits the parameters, an RSA card. */
    private static final class Dsa {
        static final Dsa INSTANCE = new Dsa();

        final TestPki.Issued root;
        final TestPki.Issued ca;
        final TestPki.Issued card;
        final X509CRL rootCrl;

        private Dsa() {
            KeyPair rootKey = TestPki.dsaKeyPair();
            root = TestPki.root().subject("C=JP,O=JPKI,OU=DSA Root").keyPair(rootKey).issue();
            ca = TestPki.intermediate(root).subject("C=JP,O=JPKI,OU=DSA Inherited CA")
                    .keyPair(TestPki.dsaKeyPairWithParametersOf(rootKey)).withoutKeyParameters().issue();
            card = Fixtures.auth(ca);
            rootCrl = TestCrl.by(root).build();
        }
    }
}
