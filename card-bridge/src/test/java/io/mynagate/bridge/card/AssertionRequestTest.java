package io.mynagate.bridge.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.card.PinKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the bridge agrees to sign, checked before any card is touched. */
class AssertionRequestTest {
    private static final String AUDIENCE = "https://idp.example/realms/myna";

    @Test
    void authNeedsTheAuthenticationPin() {
        AssertionRequest request = AssertionRequest.builder().audience(AUDIENCE).nonce("n").build();

        assertThat(request.purpose()).isEqualTo(Purpose.AUTH);
        assertThat(request.pinKind()).isEqualTo(PinKind.AUTHENTICATION);
        assertThat(request.approvedClaims()).isEmpty();
        assertThat(request.clientId()).isNull();
    }

    @Test
    void shareNeedsTheSignaturePasswordAndKeepsTheClaimOrder() {
        AssertionRequest request = share(List.of("gender", "name", "age_over_20")).build();

        assertThat(request.pinKind()).isEqualTo(PinKind.SIGNATURE);
        assertThat(request.approvedClaims()).containsExactly("gender", "name", "age_over_20");
    }

    @Test
    void acceptsEveryClaimOfTheVocabulary() {
        assertThat(share(List.of("name", "address", "birthdate", "gender", "age_over_1", "age_over_150"))
                .build().approvedClaims()).hasSize(6);
    }

    @Test
    void refusesAnotherSpellingOfAClaim() {
        for (String spelling : List.of("Name", "age_over_018", "age_over_0", "age_over_151", "age_over_", "age_over_1８",
                "email", "")) {
            assertThatThrownBy(() -> share(List.of(spelling)).build())
                    .as(spelling).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a claim name");
        }
    }

    @Test
    void refusesAClaimApprovedTwice() {
        assertThatThrownBy(() -> share(List.of("name", "name")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void refusesShareWithoutClaims() {
        assertThatThrownBy(() -> share(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one approved claim");
    }

    @Test
    void refusesShareFieldsInAnAuthRequest() {
        assertThatThrownBy(() -> AssertionRequest.builder().audience(AUDIENCE).nonce("n").clientId("bank").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share only");
    }

    @Test
    void refusesAnAudienceThatIsNotAnAbsoluteWebUrl() {
        for (String audience : List.of("/realms/myna", "ftp://idp.example/", "https://user@idp.example/",
                "https://idp.example/#x", "https:///nohost", "not a url", "")) {
            assertThatThrownBy(() -> AssertionRequest.builder().audience(audience).nonce("n").build())
                    .as(audience).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("audience");
        }
    }

    @Test
    void acceptsALoopbackHttpIssuer() {
        assertThat(AssertionRequest.builder().audience("http://127.0.0.1:8080/realms/demo").nonce("n").build()
                .audience()).isEqualTo("http://127.0.0.1:8080/realms/demo");
    }

    @Test
    void refusesANonceWithSpacesOrControlCharacters() {
        for (String nonce : List.of("a b", "a\nb", "ｎ", "")) {
            assertThatThrownBy(() -> AssertionRequest.builder().audience(AUDIENCE).nonce(nonce).build())
                    .as(nonce).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nonce");
        }
    }

    @Test
    void refusesAnOverlongNonce() {
        String nonce = "n".repeat(AssertionRequest.MAX_TOKEN_LENGTH + 1);

        assertThatThrownBy(() -> AssertionRequest.builder().audience(AUDIENCE).nonce(nonce).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nonce");
    }

    private static AssertionRequest.Builder share(List<String> claims) {
        return AssertionRequest.builder().audience(AUDIENCE).nonce("n").purpose(Purpose.SHARE).clientId("bank")
                .approvedClaims(claims);
    }
}
