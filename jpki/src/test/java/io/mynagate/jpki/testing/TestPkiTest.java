package io.mynagate.jpki.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.jpki.profile.JpkiOids;
import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;

/** The fixture makes what it promises, so tests built on it test what they claim. */
class TestPkiTest {
    private static final TestPki.Issued ROOT = TestPki.root().keyPair(TestPki.sharedKeyPair("root")).issue();

    @Test
    void rootIsSelfSignedCaWithJpkiTestDn() throws Exception {
        X509Certificate root = ROOT.certificate();
        root.verify(root.getPublicKey());
        assertThat(root.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(root.getSubjectX500Principal().getName(X500Principal.RFC2253))
                .contains("C=JP", "O=JPKI-TEST", "OU=JPKI for user authentication",
                        "OU=Japan Agency for Local Authority Information Systems");
        assertThat(root.getSigAlgName()).isEqualTo("SHA256withRSA");
    }

    @Test
    void rootGenerationsShareTheDnButNotTheKey() {
        TestPki.Issued next = TestPki.root().keyPair(TestPki.sharedKeyPair("root-2")).issue();
        assertThat(next.certificate().getSubjectX500Principal()).isEqualTo(ROOT.certificate().getSubjectX500Principal());
        assertThat(next.certificate().getPublicKey()).isNotEqualTo(ROOT.certificate().getPublicKey());
    }

    @Test
    void authenticationCertificateHasOpaqueSubjectAndDigitalSignatureOnly() throws Exception {
        X509Certificate auth = TestPki.authenticationCertificate(ROOT).keyPair(TestPki.sharedKeyPair("auth"))
                .issue().certificate();
        auth.verify(ROOT.certificate().getPublicKey());
        assertThat(auth.getSubjectX500Principal().getName()).startsWith("CN=").endsWith(",C=JP");
        assertThat(auth.getKeyUsage()).startsWith(true, false);
        assertThat(auth.getSubjectAlternativeNames()).isNull();
        assertThat(auth.getBasicConstraints()).isEqualTo(-1);
    }

    @Test
    void signatureCertificateHasLocalitiesInKanjiAndSixOtherNames() throws Exception {
        X509Certificate sign = TestPki.signatureCertificate(ROOT).keyPair(TestPki.sharedKeyPair("sign"))
                .issue().certificate();
        assertThat(sign.getSubjectX500Principal().getName(X500Principal.RFC2253)).contains("L=千代田区", "L=東京都");
        assertThat(sign.getKeyUsage()).startsWith(true, true);
        Collection<List<?>> names = sign.getSubjectAlternativeNames();
        assertThat(names).hasSize(6).allSatisfy(name -> assertThat(name.get(0)).isEqualTo(0));
        assertThat(sign.getExtensionValue(JpkiOids.NAME)).isNull();
    }

    @Test
    void honoursSerialValidityAndRevocationUrls() throws Exception {
        Instant from = Instant.parse("2025-01-01T00:00:00Z");
        Instant to = Instant.parse("2030-01-01T00:00:00Z");
        X509Certificate cert = TestPki.authenticationCertificate(ROOT).keyPair(TestPki.sharedKeyPair("auth"))
                .serial(BigInteger.valueOf(4242)).validity(from, to)
                .ocspUrl("http://127.0.0.1:1/ocsp").crlUrl("http://127.0.0.1:1/crl").issue().certificate();
        assertThat(cert.getSerialNumber()).isEqualTo(4242);
        assertThat(cert.getNotBefore()).isEqualTo(Date.from(from));
        assertThat(cert.getNotAfter()).isEqualTo(Date.from(to));
        assertThat(new String(cert.getExtensionValue(Extension.authorityInfoAccess.getId()), "ISO-8859-1"))
                .contains("http://127.0.0.1:1/ocsp");
        assertThat(new String(cert.getExtensionValue(Extension.cRLDistributionPoints.getId()), "ISO-8859-1"))
                .contains("http://127.0.0.1:1/crl");
    }

    @Test
    void ocspResponderCertificateHasOcspSigningPurpose() throws Exception {
        X509Certificate responder = TestPki.ocspResponderCertificate(ROOT).keyPair(TestPki.sharedKeyPair("ocsp"))
                .issue().certificate();
        assertThat(responder.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.9");
    }

    @Test
    void crlListsRevokedSerialsAndItsNumber() throws Exception {
        Instant now = Instant.now();
        X509CRL crl = TestPki.crl(ROOT, BigInteger.TEN, now, now.plus(Duration.ofDays(1)), List.of(BigInteger.valueOf(7)));
        crl.verify(ROOT.certificate().getPublicKey());
        assertThat(crl.getRevokedCertificate(BigInteger.valueOf(7))).isNotNull();
        assertThat(crl.getRevokedCertificate(BigInteger.valueOf(8))).isNull();
        assertThat(crl.getExtensionValue(Extension.cRLNumber.getId())).isNotNull();
    }
}
