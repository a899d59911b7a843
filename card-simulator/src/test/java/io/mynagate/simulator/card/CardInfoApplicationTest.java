package io.mynagate.simulator.card;

import static io.mynagate.simulator.card.Apdus.data;
import static io.mynagate.simulator.card.Apdus.readBinary;
import static io.mynagate.simulator.card.Apdus.selectAid;
import static io.mynagate.simulator.card.Apdus.selectEf;
import static io.mynagate.simulator.card.Apdus.sw;
import static io.mynagate.simulator.card.Apdus.verify;
import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.simulator.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The card-info application (券面事項入力補助AP): its own PIN, and a counter of My Number reads. */
class CardInfoApplicationTest {
    private static SimulatedCard card() {
        SimulatedCard card = Fixtures.adultCard().toSimulatedCard();
        assertThat(sw(card.transmit(selectAid(CardInfo.AID)))).isEqualTo(0x9000);
        return card;
    }

    @Test
    void holdsAValidMyNumberBehindItsPin() {
        SimulatedCard card = card();
        card.transmit(selectEf(0x0001));
        assertThat(sw(card.transmit(readBinary(0, 15)))).isEqualTo(0x6982);
        card.transmit(selectEf(0x0011));
        assertThat(sw(card.transmit(verify(Fixtures.PIN)))).isEqualTo(0x9000);
        card.transmit(selectEf(0x0001));
        byte[] file = data(card.transmit(readBinary(0, 15)));
        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xFF, 0x10, 0x0C);
        assertThat(MyNumber.isValid(new String(file, 3, 12, StandardCharsets.US_ASCII))).isTrue();
    }

    @Test
    void countsEveryReadOfTheMyNumberFileEvenRefusedOnes() {
        SimulatedCard card = card();
        card.transmit(selectEf(0x0001));
        card.transmit(readBinary(0, 15));
        card.transmit(readBinary(0, 3));
        assertThat(card.myNumberReads()).isEqualTo(2);
    }

    @Test
    void doesNotCountReadsOfOtherFiles() {
        SimulatedCard card = card();
        card.transmit(selectEf(0x0011));
        card.transmit(verify(Fixtures.PIN));
        card.transmit(selectEf(0x0002));
        assertThat(sw(card.transmit(readBinary(0, 2)))).isEqualTo(0x9000);
        assertThat(card.myNumberReads()).isZero();
    }

    @Test
    void keepsTheFourAttributesAsTlv() {
        SimulatedCard card = card();
        card.transmit(selectEf(0x0011));
        card.transmit(verify(Fixtures.PIN));
        card.transmit(selectEf(0x0002));
        byte[] head = data(card.transmit(readBinary(0, 0x80)));
        assertThat(Arrays.copyOf(head, 2)).containsExactly(0xFF, 0x20);
        assertThat(new String(head, StandardCharsets.UTF_8)).contains(Fixtures.NAME).contains("19900401");
    }

    @Test
    void hasItsOwnPinCounterOfThreeTries() {
        SimulatedCard card = card();
        card.transmit(selectEf(0x0011));
        assertThat(sw(card.transmit(verify("0000")))).isEqualTo(0x63C2);
    }
}
