package io.mynagate.keycloak.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.jpki.Reason;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticationFlowError;

/** Every {@code jpki} reason becomes one event error, one flow error and one message group. */
class CardLoginFailureTest {
    @Test
    void namesTheEventErrorAfterTheReasonCode() {
        CardLoginFailure failure = CardLoginFailure.of(Reason.REVOKED);

        assertThat(failure.eventError()).isEqualTo("myna_revoked");
        assertThat(failure.code()).isEqualTo("revoked");
    }

    @Test
    void givesEveryRejectionReasonAnEventErrorOfItsOwn() {
        assertThat(Arrays.stream(Reason.values()).filter(r -> r != Reason.VALID)
                .map(r -> CardLoginFailure.of(r).eventError()).distinct().count())
                .isEqualTo(Reason.values().length - 1);
    }

    @Test
    void letsTheResidentTryAgainAfterEveryReasonOfTheCardsAnswer() {
        assertThat(Arrays.stream(Reason.values()).filter(r -> r != Reason.VALID).map(CardLoginFailure::of))
                .allMatch(CardLoginFailure::retry);
    }

    @Test
    void tellsAResidentWhoseAnswerCarriesAnOldNonceToUseTheCardAgain() {
        assertThat(CardLoginFailure.of(Reason.NONCE_MISMATCH).messageKey()).isEqualTo("mynaCardRequestOutdated");
    }

    @Test
    void groupsUntrustedCertificatesUnderNotAccepted() {
        assertThat(Arrays.asList(Reason.NO_TRUSTED_PATH, Reason.TEST_ROOT_REFUSED, Reason.INVALID_PATH,
                Reason.REVOCATION_UNKNOWN)).extracting(r -> CardLoginFailure.of(r).messageKey())
                .containsOnly("mynaCardCertificateNotAccepted");
    }

    @Test
    void groupsExpiredAndNotYetValidCertificates() {
        assertThat(CardLoginFailure.of(Reason.EXPIRED).messageKey()).isEqualTo("mynaCardCertificateExpired");
        assertThat(CardLoginFailure.of(Reason.NOT_YET_VALID).messageKey()).isEqualTo("mynaCardCertificateExpired");
    }

    @Test
    void tellsARevokedCertificateApart() {
        assertThat(CardLoginFailure.of(Reason.REVOKED).messageKey()).isEqualTo("mynaCardCertificateRevoked");
    }

    @Test
    void mapsEveryUnavailableDependencyToTryAgainLaterAndAnInternalFlowError() {
        assertThat(Arrays.stream(Reason.values()).filter(r -> r.kind() == Reason.Kind.UNAVAILABLE).map(CardLoginFailure::of))
                .isNotEmpty()
                .allSatisfy(failure -> {
                    assertThat(failure.messageKey()).isEqualTo("mynaCardServiceUnavailable");
                    assertThat(failure.flowError()).isEqualTo(AuthenticationFlowError.INTERNAL_ERROR);
                });
    }

    @Test
    void mapsOtherRejectionsOfTheAnswerToAnswerRejectedAndInvalidCredentials() {
        CardLoginFailure failure = CardLoginFailure.of(Reason.INVALID_SIGNATURE);

        assertThat(failure.messageKey()).isEqualTo("mynaCardAnswerRejected");
        assertThat(failure.flowError()).isEqualTo(AuthenticationFlowError.INVALID_CREDENTIALS);
    }

    @Test
    void refusesToMakeAFailureOfValid() {
        assertThatThrownBy(() -> CardLoginFailure.of(Reason.VALID)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void showsAnErrorPageRatherThanTheCardPageForWhatOnlyTheAdministratorCanFix() {
        assertThat(Arrays.asList(CardLoginFailure.NOT_CONFIGURED, CardLoginFailure.NO_SIGNING_KEY,
                CardLoginFailure.DUPLICATE_USERS, CardLoginFailure.USER_DISABLED)).noneMatch(CardLoginFailure::retry);
    }
}
