package io.mynagate.keycloak.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.jpki.identity.CertificateIdKey;
import io.mynagate.jpki.testing.TestPki;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CertificateIdSecretTest {
    private static final X509Certificate CARD =
            TestPki.authenticationCertificate(TestPki.root().issue()).issue().certificate();

    @Test
    void decodesStoredSecretIntoTheKeyOfThoseBytes() {
        byte[] secret = new byte[32];
        secret[0] = 7;

        CertificateIdKey key = CertificateIdSecret.decode(Base64.getUrlEncoder().withoutPadding().encodeToString(secret), "bank");

        assertThat(key.idOf(CARD)).isEqualTo(CertificateIdKey.of(secret).idOf(CARD));
    }

    @Test
    void rejectsStoredSecretShorterThan32Bytes() {
        String short16 = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);

        assertThatThrownBy(() -> CertificateIdSecret.decode(short16, "bank"))
                .isInstanceOf(CertificateIdSecret.CorruptSecretException.class)
                .hasMessage("realm bank: attribute myna.certificateIdSecret holds fewer than 32 bytes");
    }

    @Test
    void rejectsStoredSecretThatIsNotBase64url() {
        assertThatThrownBy(() -> CertificateIdSecret.decode("not/base64+url!", "bank"))
                .isInstanceOf(CertificateIdSecret.CorruptSecretException.class)
                .hasMessage("realm bank: attribute myna.certificateIdSecret is not base64url")
                .hasMessageNotContaining("not/base64+url!");
    }
}
