package io.mynagate.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The page's form as the bridge reads it: the PIN straight into a wipeable char[], the other fields as ASCII. */
class SignFormTest {
    @Test
    void readsEveryFieldOfThePagesForm() {
        SignForm form = parse("csrf=abc_-1&lang=en&claim=name&claim=age_over_18&confirm_last_try=yes&pin=1234");

        assertThat(form.csrf()).isEqualTo("abc_-1");
        assertThat(form.lang()).isEqualTo("en");
        assertThat(form.claims()).containsExactly("name", "age_over_18");
        assertThat(form.lastTryConfirmed()).isTrue();
        assertThat(form.pin()).containsExactly('1', '2', '3', '4');
        assertThat(form.hasDuplicateField()).isFalse();
    }

    @Test
    void percentDecodesThePin() {
        assertThat(parse("pin=AB%43%31%25x+").pin()).containsExactly('A', 'B', 'C', '1', '%', 'x', ' ');
    }

    @Test
    void aPercentWithoutTwoHexDigitsStandsForItself() {
        assertThat(parse("pin=1%2&x=1").pin()).containsExactly('1', '%', '2');
        assertThat(parse("pin=1%").pin()).containsExactly('1', '%');
    }

    @Test
    void turnsBytesOutsideAsciiIntoACharacterNoPinFormatAccepts() {
        assertThat(parse("pin=12%E3%81%82").pin())
                .containsExactly('1', '2', SignForm.NOT_A_PIN_CHARACTER, SignForm.NOT_A_PIN_CHARACTER,
                        SignForm.NOT_A_PIN_CHARACTER);
    }

    @Test
    void closeWipesThePin() {
        SignForm form = parse("pin=1234");
        char[] pin = form.pin();

        form.close();

        assertThat(pin).containsOnly('\0');
    }

    @Test
    void aMissingPinIsEmptyAndAMissingConfirmationIsNo() {
        SignForm form = parse("csrf=t");

        assertThat(form.pin()).isEmpty();
        assertThat(form.lastTryConfirmed()).isFalse();
    }

    @Test
    void notesACsrfTokenOrPinSentTwice() {
        assertThat(parse("csrf=a&csrf=b").hasDuplicateField()).isTrue();
        assertThat(parse("pin=1111&pin=2222").hasDuplicateField()).isTrue();
    }

    @Test
    void neverNamesThePinInItsDescription() {
        assertThat(parse("pin=4711&claim=name").toString()).doesNotContain("4711");
    }

    private static SignForm parse(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        return SignForm.parse(bytes, bytes.length);
    }
}
