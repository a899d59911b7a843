package io.mynagate.jpki.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.jpki.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The PIN format check that needs no card (the card bridge's page runs it before touching the card). */
class PinKindTest {
    @ParameterizedTest
    @ValueSource(strings = {"1234", "0000", "9999"})
    void acceptsFourDigitAuthenticationPin(String pin) {
        assertThatCode(() -> PinKind.AUTHENTICATION.checkFormat(pin.toCharArray())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "12345", "12a4", "12 4", "１２３４", "ABCD"})
    void rejectsAuthenticationPinThatIsNotFourDigits(String pin) {
        assertRejected(PinKind.AUTHENTICATION, pin.toCharArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC123", "123456", "ABCDEF", "A1B2C3D4E5F6G7H8"})
    void acceptsSignaturePasswordOfSixToSixteenUpperCaseLettersAndDigits(String password) {
        assertThatCode(() -> PinKind.SIGNATURE.checkFormat(password.toCharArray())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ABC12", "A1B2C3D4E5F6G7H8I", "abc123", "ABC-123", "ABC 123", "ＡＢＣ１２３"})
    void rejectsSignaturePasswordOutsideTheRule(String password) {
        assertRejected(PinKind.SIGNATURE, password.toCharArray());
    }

    @ParameterizedTest
    @NullSource
    void rejectsNullPin(char[] pin) {
        assertRejected(PinKind.AUTHENTICATION, pin);
        assertRejected(PinKind.SIGNATURE, pin);
    }

    @Test
    void leavesThePinUnchanged() throws Exception {
        char[] pin = "1234".toCharArray();
        PinKind.AUTHENTICATION.checkFormat(pin);
        assertThat(pin).containsExactly('1', '2', '3', '4');
    }

    @Test
    void saysTheRuleButNeverThePin() {
        assertThatThrownBy(() -> PinKind.SIGNATURE.checkFormat("abc123".toCharArray()))
                .isInstanceOf(PinFormatException.class)
                .hasMessageContaining("6 to 16")
                .hasMessageNotContaining("abc123");
    }

    @Test
    void tellsTheLengthsForThePage() {
        assertThat(PinKind.AUTHENTICATION.minLength()).isEqualTo(4);
        assertThat(PinKind.AUTHENTICATION.maxLength()).isEqualTo(4);
        assertThat(PinKind.SIGNATURE.minLength()).isEqualTo(6);
        assertThat(PinKind.SIGNATURE.maxLength()).isEqualTo(16);
    }

    private static void assertRejected(PinKind kind, char[] pin) {
        assertThatThrownBy(() -> kind.checkFormat(pin))
                .isInstanceOfSatisfying(PinFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.PIN_FORMAT);
                    assertThat(e.pinKind()).isEqualTo(kind);
                });
    }
}
