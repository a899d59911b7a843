package io.mynagate.jpki.validation;

import static io.mynagate.jpki.validation.Fixtures.ROOT;
import static io.mynagate.jpki.validation.Fixtures.auth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.validation.RevocationStatus.State;
import io.mynagate.jpki.Reason;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationResultTest {

    @Test
    void validateOrThrowReturnsTheValidResult() throws Exception {
        CertificateValidator validator = Fixtures.validator(RequiredProfile.AUTHENTICATION, ROOT)
                .revocationSource(Fixtures.answering(State.GOOD)).build();

        assertThat(validator.validateOrThrow(auth(ROOT).certificate(), List.of(), Instant.now()).isValid()).isTrue();
    }

    @Test
    void validateOrThrowThrowsRevokedWithEvidence() {
        CertificateValidator validator = Fixtures.validator(RequiredProfile.AUTHENTICATION, ROOT)
                .revocationSource(Fixtures.answering(State.REVOKED)).build();

        assertThatThrownBy(() -> validator.validateOrThrow(auth(ROOT).certificate(), List.of(), Instant.now()))
                .isInstanceOf(CertificateRevokedException.class)
                .isInstanceOf(JpkiException.class)
                .satisfies(e -> assertThat(((CertificateValidationException) e).result().evidence()).isPresent());
    }

    @Test
    void mapsEveryRejectionReasonToItsExceptionType() {
        assertThat(thrown(Reason.NO_TRUSTED_PATH)).isInstanceOf(UntrustedCertificateException.class);
        assertThat(thrown(Reason.TEST_ROOT_REFUSED)).isInstanceOf(UntrustedCertificateException.class);
        assertThat(thrown(Reason.INVALID_PATH)).isInstanceOf(UntrustedCertificateException.class);
        assertThat(thrown(Reason.WRONG_KEY_TYPE)).isInstanceOf(ProfileMismatchException.class);
        assertThat(thrown(Reason.PROFILE_MISMATCH)).isInstanceOf(ProfileMismatchException.class);
        assertThat(thrown(Reason.MALFORMED_CERTIFICATE)).isInstanceOf(ProfileMismatchException.class);
        assertThat(thrown(Reason.EXPIRED)).isInstanceOf(CertificateNotValidAtTimeException.class);
        assertThat(thrown(Reason.NOT_YET_VALID)).isInstanceOf(CertificateNotValidAtTimeException.class);
        assertThat(thrown(Reason.REVOKED)).isInstanceOf(CertificateRevokedException.class);
        assertThat(thrown(Reason.REVOCATION_UNKNOWN)).isInstanceOf(RevocationUnavailableException.class);
        assertThat(thrown(Reason.REVOCATION_UNAVAILABLE)).isInstanceOf(RevocationUnavailableException.class);
    }

    @Test
    void refusesAnInvalidResultWithoutRejectionReason() {
        assertThatThrownBy(() -> ValidationResult.invalid(Reason.VALID, "x", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static CertificateValidationException thrown(Reason reason) {
        try {
            ValidationResult.invalid(reason, "test", null).orThrow();
        } catch (CertificateValidationException e) {
            assertThat(e.reason()).isEqualTo(reason);
            return e;
        }
        throw new AssertionError("no exception for " + reason);
    }
}
