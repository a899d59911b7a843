package io.mynagate.jpki.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CertificateIdTest {
    private static final String VALUE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_6";

    @Test
    void readsWhatItWrites() {
        assertThat(CertificateId.parse(VALUE).value()).isEqualTo(VALUE);
        assertThat(CertificateId.parse(VALUE)).isEqualTo(CertificateId.parse(VALUE));
    }

    @Test
    void refusesAnythingButFortyThreeBase64UrlCharacters() {
        assertThatThrownBy(() -> CertificateId.parse(VALUE + "A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CertificateId.parse(VALUE.replace('a', '+'))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CertificateId.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLinkJoinsTwoDifferentIds() {
        CertificateId next = CertificateId.parse(VALUE.replace('a', 'b'));

        assertThat(new CertificateLink(CertificateId.parse(VALUE), next).next()).isEqualTo(next);
        assertThatThrownBy(() -> new CertificateLink(CertificateId.parse(VALUE), CertificateId.parse(VALUE)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
