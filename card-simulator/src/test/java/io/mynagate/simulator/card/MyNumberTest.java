package io.mynagate.simulator.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The check digit of docs/jpki.md section 5. */
class MyNumberTest {
    @Test
    void computesTheCheckDigitOfAWorkedExample() {
        // 1*6+2*5+3*4+4*3+5*2+6*7+7*6+8*5+9*4+0*3+1*2 = 212; 212 mod 11 = 3; 11 - 3 = 8
        assertThat(MyNumber.checkDigit("12345678901")).isEqualTo(8);
    }

    @Test
    void usesZeroWhenTheRemainderIsAtMostOne() {
        // 0...0 then 1 at weight 2: sum 2 -> r = 2 -> 9; all zeros: r = 0 -> 0
        assertThat(MyNumber.checkDigit("00000000000")).isZero();
        assertThat(MyNumber.checkDigit("00000000001")).isEqualTo(9);
        // 6 at weight 2: sum 12 -> r = 1 -> 0 (not 11 - 1 = 10)
        assertThat(MyNumber.checkDigit("00000000006")).isZero();
    }

    @Test
    void rejectsAWrongCheckDigit() {
        assertThat(MyNumber.isValid("123456789018")).isTrue();
        assertThat(MyNumber.isValid("123456789017")).isFalse();
    }

    @Test
    void generatesValidNumbers() {
        for (int i = 0; i < 100; i++) {
            assertThat(MyNumber.isValid(MyNumber.random())).isTrue();
        }
    }

    @Test
    void refusesInputThatIsNotElevenDigits() {
        assertThatThrownBy(() -> MyNumber.checkDigit("1234")).isInstanceOf(IllegalArgumentException.class);
    }
}
