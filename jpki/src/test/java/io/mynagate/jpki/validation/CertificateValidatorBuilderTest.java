package io.mynagate.jpki.validation;

import static io.mynagate.jpki.validation.Fixtures.ROOT;
import static io.mynagate.jpki.validation.Fixtures.ROOT_SAME_NAME;
import static io.mynagate.jpki.validation.Fixtures.answering;
import static io.mynagate.jpki.validation.Fixtures.auth;
import static io.mynagate.jpki.validation.Fixtures.validateNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.jpki.validation.RevocationStatus.State;
import io.mynagate.jpki.Reason;
import org.junit.jupiter.api.Test;

class CertificateValidatorBuilderTest {

    @Test
    void requiresATrustAnchor() {
        assertThatThrownBy(() -> CertificateValidator.builder().profile(RequiredProfile.ANY_SKIPPING_JPKI_PROFILE_CHECKS)
                .withoutRevocationChecking().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("trust anchor");
    }

    @Test
    void requiresAProfile() {
        assertThatThrownBy(() -> CertificateValidator.builder().trustAnchor(ROOT.certificate())
                .withoutRevocationChecking().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("profile");
    }

    @Test
    void requiresAnExplicitRevocationDecision() {
        assertThatThrownBy(() -> CertificateValidator.builder().trustAnchor(ROOT.certificate())
                .profile(RequiredProfile.AUTHENTICATION).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("revocation");
    }

    @Test
    void refusesFailOpenWithoutARevocationSource() {
        assertThatThrownBy(() -> CertificateValidator.builder().trustAnchor(ROOT.certificate())
                .profile(RequiredProfile.AUTHENTICATION).withoutRevocationChecking().revocationFailOpen().build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void freezesConfigurationAtBuild() {
        CertificateValidatorBuilder builder = CertificateValidator.builder().trustAnchor(ROOT.certificate())
                .profile(RequiredProfile.AUTHENTICATION).revocationSource(answering(State.GOOD));
        CertificateValidator validator = builder.build();

        builder.trustAnchor(ROOT_SAME_NAME.certificate());

        assertThat(validateNow(validator, auth(ROOT_SAME_NAME)).reason()).isEqualTo(Reason.NO_TRUSTED_PATH);
    }
}
