package io.mynagate.jpki.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.jpki.testing.TestPki;
import java.security.KeyPair;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

class CertificateKindTest {
    private static final TestPki.Issued ROOT =
            TestPki.root().keyPair(TestPki.sharedKeyPair("root")).issue();
    private static final KeyPair EE_KEY = TestPki.sharedKeyPair("ee");

    private static TestPki.CertificateBuilder auth() {
        return TestPki.authenticationCertificate(ROOT).keyPair(EE_KEY);
    }

    private static TestPki.CertificateBuilder sign() {
        return TestPki.signatureCertificate(ROOT).keyPair(EE_KEY);
    }

    @Test
    void recognisesAuthenticationCertificate() throws Exception {
        assertThat(CertificateKind.of(auth().issue().certificate())).isEqualTo(CertificateKind.AUTHENTICATION);
    }

    @Test
    void recognisesSignatureCertificate() throws Exception {
        assertThat(CertificateKind.of(sign().issue().certificate())).isEqualTo(CertificateKind.SIGNATURE);
    }

    @Test
    void recognisesCertificatesWithoutPolicies() throws Exception {
        assertThat(CertificateKind.of(auth().policies().issue().certificate())).isEqualTo(CertificateKind.AUTHENTICATION);
        assertThat(CertificateKind.of(sign().policies().issue().certificate())).isEqualTo(CertificateKind.SIGNATURE);
    }

    @Test
    void recognisesSignatureCertificateWithoutAttributes() throws Exception {
        assertThat(CertificateKind.of(sign().noAttributes().issue().certificate())).isEqualTo(CertificateKind.SIGNATURE);
    }

    @Test
    void rejectsCaCertificate() {
        assertThatThrownBy(() -> CertificateKind.of(ROOT.certificate()))
                .isInstanceOf(UnrecognizedCertificateException.class).hasMessageContaining("CA certificate");
    }

    @Test
    void rejectsCertificateWithoutKeyUsage() {
        assertThatThrownBy(() -> CertificateKind.of(auth().keyUsage(null).issue().certificate()))
                .isInstanceOf(UnrecognizedCertificateException.class).hasMessageContaining("no key usage");
    }

    @Test
    void rejectsCertificateWithoutDigitalSignature() {
        assertThatThrownBy(() -> CertificateKind.of(auth().keyUsage(KeyUsage.keyEncipherment).issue().certificate()))
                .isInstanceOf(UnrecognizedCertificateException.class).hasMessageContaining("digitalSignature");
    }

    @Test
    void rejectsNonRepudiationWithAuthenticationPolicy() {
        assertThatThrownBy(() -> CertificateKind.of(
                        sign().policies(JpkiOids.POLICY_AUTHENTICATION).issue().certificate()))
                .isInstanceOf(UnrecognizedCertificateException.class).hasMessageContaining("authentication policy");
    }

    @Test
    void rejectsSignaturePolicyWithoutNonRepudiation() {
        assertThatThrownBy(() -> CertificateKind.of(auth().policies(JpkiOids.POLICY_SIGNATURE).issue().certificate()))
                .isInstanceOf(UnrecognizedCertificateException.class).hasMessageContaining("signature policy");
    }

    @Test
    void rejectsBothPolicies() {
        assertThatThrownBy(() -> CertificateKind.of(sign()
                        .policies(JpkiOids.POLICY_SIGNATURE, JpkiOids.POLICY_AUTHENTICATION).issue().certificate()))
                .isInstanceOf(UnrecognizedCertificateException.class).hasMessageContaining("both");
    }

    @Test
    void rejectsUnparseablePolicies() {
        assertThatThrownBy(() -> CertificateKind.of(auth().policies()
                        .extension(Extension.certificatePolicies, false, new DERUTF8String("not policies"))
                        .issue().certificate()))
                .isInstanceOf(UnrecognizedCertificateException.class).hasMessageContaining("policies");
    }

    @Test
    void rejectsPersonalAttributesOnAuthenticationCertificate() {
        assertThatThrownBy(() -> CertificateKind.of(auth().attribute(JpkiOids.NAME, "x").issue().certificate()))
                .isInstanceOf(UnrecognizedCertificateException.class).hasMessageContaining("attributes");
    }
}
