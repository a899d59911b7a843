package io.mynagate.simulator.card;

import static io.mynagate.simulator.card.Apdus.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** ISO 7816-4 command cases, short and extended. */
class CommandApduTest {
    @Test
    void parsesCase1WithoutLe() {
        CommandApdu apdu = CommandApdu.parse(hex("00200080"));
        assertThat(apdu.hasData()).isFalse();
        assertThat(apdu.ne).isEqualTo(-1);
    }

    @Test
    void readsLe00AsTwoHundredFiftySix() {
        assertThat(CommandApdu.parse(hex("00B0000000")).ne).isEqualTo(256);
    }

    @Test
    void parsesCase4Short() {
        CommandApdu apdu = CommandApdu.parse(hex("802A008003AABBCC00"));
        assertThat(apdu.cla).isEqualTo(0x80);
        assertThat(apdu.data).containsExactly(0xAA, 0xBB, 0xCC);
        assertThat(apdu.ne).isEqualTo(256);
    }

    @Test
    void parsesExtendedLe() {
        assertThat(CommandApdu.parse(hex("00B00000000800")).ne).isEqualTo(0x800);
    }

    @Test
    void parsesExtendedCase4() {
        CommandApdu apdu = CommandApdu.parse(hex("802A0080000002AABB0000"));
        assertThat(apdu.data).containsExactly(0xAA, 0xBB);
        assertThat(apdu.ne).isEqualTo(65536);
    }

    @Test
    void rejectsALengthThatDoesNotMatch() {
        assertThatThrownBy(() -> CommandApdu.parse(hex("00A4020C05000A")))
                .isInstanceOf(CommandApdu.MalformedApduException.class);
        assertThatThrownBy(() -> CommandApdu.parse(hex("00A4"))).isInstanceOf(CommandApdu.MalformedApduException.class);
    }
}
