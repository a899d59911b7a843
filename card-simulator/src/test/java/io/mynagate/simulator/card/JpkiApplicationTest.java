package io.mynagate.simulator.card;

import static io.mynagate.simulator.card.Apdus.JPKI_AID;
import static io.mynagate.simulator.card.Apdus.data;
import static io.mynagate.simulator.card.Apdus.hex;
import static io.mynagate.simulator.card.Apdus.readAll;
import static io.mynagate.simulator.card.Apdus.readBinary;
import static io.mynagate.simulator.card.Apdus.selectAid;
import static io.mynagate.simulator.card.Apdus.selectEf;
import static io.mynagate.simulator.card.Apdus.sign;
import static io.mynagate.simulator.card.Apdus.sw;
import static io.mynagate.simulator.card.Apdus.verify;
import static io.mynagate.simulator.card.Apdus.verifyQuery;
import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.jpki.card.JpkiFiles;
import io.mynagate.simulator.pki.IssuedCard;
import io.mynagate.simulator.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JPKI application at APDU level, as docs/jpki.md section 1 describes it. */
class JpkiApplicationTest {
    private static IssuedCard issued;

    @BeforeAll
    static void issue() {
        issued = Fixtures.adultCard();
    }

    private static SimulatedCard selected() {
        SimulatedCard card = issued.toSimulatedCard();
        assertThat(sw(card.transmit(selectAid(JPKI_AID)))).isEqualTo(0x9000);
        return card;
    }

    @Test
    void answersWithTheAtrOpenScKnows() {
        assertThat(issued.toSimulatedCard().atr()).isEqualTo(hex("3BE000FF8131FE4514"));
    }

    @Test
    void refusesToSelectTheMasterFile() {
        SimulatedCard card = issued.toSimulatedCard();
        assertThat(sw(card.transmit(hex("00A4000C023F00")))).isEqualTo(0x6A82);
    }

    @Test
    void refusesAnUnknownAid() {
        SimulatedCard card = issued.toSimulatedCard();
        assertThat(sw(card.transmit(selectAid(hex("A000000308000010000100"))))).isEqualTo(0x6A82);
    }

    @Test
    void refusesToSelectAnEfBeforeTheApplication() {
        SimulatedCard card = issued.toSimulatedCard();
        assertThat(sw(card.transmit(selectEf(JpkiFiles.AUTH_CERT)))).isEqualTo(0x6A82);
    }

    @Test
    void readsTheAuthenticationCertificateFreelyWithFfPadding() throws Exception {
        SimulatedCard card = selected();
        assertThat(sw(card.transmit(selectEf(JpkiFiles.AUTH_CERT)))).isEqualTo(0x9000);
        byte[] content = readAll(card);
        byte[] der = issued.authCertificate().getEncoded();
        assertThat(Arrays.copyOf(content, der.length)).isEqualTo(der);
        assertThat(content.length).isGreaterThan(der.length);
        for (int i = der.length; i < content.length; i++) {
            assertThat(content[i]).isEqualTo((byte) 0xFF);
        }
    }

    @Test
    void readsAtAnOffset() throws Exception {
        SimulatedCard card = selected();
        card.transmit(selectEf(JpkiFiles.AUTH_CERT));
        byte[] r = card.transmit(readBinary(0x0104, 16));
        assertThat(sw(r)).isEqualTo(0x9000);
        assertThat(data(r)).isEqualTo(Arrays.copyOfRange(issued.authCertificate().getEncoded(), 0x104, 0x114));
    }

    @Test
    void answers6CxxWhenLeRunsPastTheEndOfTheFile() {
        SimulatedCard card = selected();
        card.transmit(selectEf(JpkiFiles.TOKEN_INFO));
        byte[] r = card.transmit(readBinary(0x10, 0));
        assertThat(sw(r) & 0xFF00).isEqualTo(0x6C00);
        int size = sw(r) & 0xFF;
        assertThat(size).isEqualTo(256 - 0x10);
        byte[] again = card.transmit(readBinary(0x10, size));
        assertThat(sw(again)).isEqualTo(0x9000);
        assertThat(data(again)).hasSize(size);
    }

    @Test
    void answers6B00ForAnOffsetBeyondTheFile() {
        SimulatedCard card = selected();
        card.transmit(selectEf(JpkiFiles.TOKEN_INFO));
        assertThat(sw(card.transmit(readBinary(0x7000, 1)))).isEqualTo(0x6B00);
    }

    @Test
    void keepsTheTokenLabelInTheFirst32BytesOfEf0006() {
        SimulatedCard card = selected();
        card.transmit(selectEf(JpkiFiles.TOKEN_INFO));
        byte[] label = data(card.transmit(readBinary(0, 32)));
        assertThat(new String(label, StandardCharsets.US_ASCII)).isEqualTo(String.format("%-32s", "JPKIAPICCTOKEN2"));
    }

    @Test
    void hidesTheSignatureCertificateUntilThePasswordIsVerified() throws Exception {
        SimulatedCard card = selected();
        card.transmit(selectEf(JpkiFiles.SIGN_CERT));
        assertThat(sw(card.transmit(readBinary(0, 4)))).isEqualTo(0x6982);
        card.transmit(selectEf(JpkiFiles.SIGN_PIN));
        assertThat(sw(card.transmit(verify(Fixtures.PASSWORD)))).isEqualTo(0x9000);
        card.transmit(selectEf(JpkiFiles.SIGN_CERT));
        byte[] der = issued.signatureCertificate().orElseThrow().getEncoded();
        assertThat(Arrays.copyOf(readAll(card), der.length)).isEqualTo(der);
    }

    @Test
    void neverReadsAKeyFile() {
        SimulatedCard card = selected();
        card.transmit(selectEf(JpkiFiles.AUTH_PIN));
        card.transmit(verify(Fixtures.PIN));
        card.transmit(selectEf(JpkiFiles.AUTH_KEY));
        assertThat(sw(card.transmit(readBinary(0, 4)))).isEqualTo(0x6986);
    }

    @Test
    void verifyWithoutDataReportsTriesAndSpendsNone() {
        SimulatedCard card = selected();
        card.transmit(selectEf(JpkiFiles.AUTH_PIN));
        assertThat(sw(card.transmit(verifyQuery()))).isEqualTo(0x63C3);
        assertThat(sw(card.transmit(verifyQuery()))).isEqualTo(0x63C3);
        card.transmit(selectEf(JpkiFiles.SIGN_PIN));
        assertThat(sw(card.transmit(verifyQuery()))).isEqualTo(0x63C5);
    }

    @Test
    void wrongPinSpendsATryAndReportsTheRest() {
        SimulatedCard card = selected();
        card.transmit(selectEf(JpkiFiles.AUTH_PIN));
        assertThat(sw(card.transmit(verify("9999")))).isEqualTo(0x63C2);
        assertThat(sw(card.transmit(verifyQuery()))).isEqualTo(0x63C2);
    }

    @Test
    void correctPinRestoresAllTries() {
        SimulatedCard card = selected();
        card.transmit(selectEf(JpkiFiles.AUTH_PIN));
        card.transmit(verify("9999"));
        assertThat(sw(card.transmit(verify(Fixtures.PIN)))).isEqualTo(0x9000);
        assertThat(sw(card.transmit(verifyQuery()))).isEqualTo(0x63C3);
    }

    @Test
    void lastWrongTryBlocksThePinEvenForTheRightOne() {
        SimulatedCard card = selected();
        card.transmit(selectEf(JpkiFiles.AUTH_PIN));
        card.transmit(verify("0000"));
        card.transmit(verify("0000"));
        assertThat(sw(card.transmit(verify("0000")))).isEqualTo(0x63C0);
        assertThat(sw(card.transmit(verify(Fixtures.PIN)))).isEqualTo(0x6983);
        assertThat(sw(card.transmit(verifyQuery()))).isEqualTo(0x63C0);
    }

    @Test
    void signsADigestInfoWithPkcs1Padding() throws Exception {
        SimulatedCard card = selected();
        byte[] message = "challenge".getBytes(StandardCharsets.UTF_8);
        card.transmit(selectEf(JpkiFiles.AUTH_PIN));
        card.transmit(verify(Fixtures.PIN));
        card.transmit(selectEf(JpkiFiles.AUTH_KEY));
        byte[] r = card.transmit(sign(digestInfo(message)));
        assertThat(sw(r)).isEqualTo(0x9000);
        assertThat(data(r)).hasSize(256);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(issued.authCertificate().getPublicKey());
        verifier.update(message);
        assertThat(verifier.verify(data(r))).isTrue();
    }

    @Test
    void refusesToSignBeforeVerify() throws Exception {
        SimulatedCard card = selected();
        card.transmit(selectEf(JpkiFiles.AUTH_KEY));
        assertThat(sw(card.transmit(sign(digestInfo(new byte[1]))))).isEqualTo(0x6982);
        assertThat(card.signatures()).isZero();
    }

    @Test
    void forgetsVerifiedPinsWhenTheApplicationIsSelectedAgain() throws Exception {
        SimulatedCard card = selected();
        card.transmit(selectEf(JpkiFiles.AUTH_PIN));
        card.transmit(verify(Fixtures.PIN));
        card.transmit(selectAid(JPKI_AID));
        card.transmit(selectEf(JpkiFiles.AUTH_KEY));
        assertThat(sw(card.transmit(sign(digestInfo(new byte[1]))))).isEqualTo(0x6982);
    }

    @Test
    void blockedCardRefusesToSign() throws Exception {
        SimulatedCard card = Fixtures.blockedCard().toSimulatedCard();
        card.transmit(selectAid(JPKI_AID));
        card.transmit(selectEf(JpkiFiles.AUTH_PIN));
        assertThat(sw(card.transmit(verify(Fixtures.PIN)))).isEqualTo(0x6983);
        card.transmit(selectEf(JpkiFiles.AUTH_KEY));
        assertThat(sw(card.transmit(sign(digestInfo(new byte[1]))))).isEqualTo(0x6983);
    }

    @Test
    void wantsCla80ForComputeDigitalSignature() throws Exception {
        SimulatedCard card = selected();
        byte[] apdu = sign(digestInfo(new byte[1]));
        apdu[0] = 0x00;
        assertThat(sw(card.transmit(apdu))).isEqualTo(0x6E00);
    }

    @Test
    void answers6700ForInconsistentLengths() {
        SimulatedCard card = selected();
        assertThat(sw(card.transmit(hex("00A4020C05000A")))).isEqualTo(0x6700);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00", "00A404", "00A4020C03000A00", "00A4020C"})
    void answers6700ToCommandsWithoutAValidHeaderOrFileId(String command) {
        SimulatedCard card = selected();
        assertThat(sw(card.transmit(hex(command)))).isEqualTo(0x6700);
    }

    @Test
    void answers6D00ToAnUnknownInstruction() {
        SimulatedCard card = selected();
        assertThat(sw(card.transmit(hex("00CA9F7F00")))).isEqualTo(0x6D00);
    }

    @Test
    void refusesReadBinaryByShortFileIdentifier() {
        SimulatedCard card = selected();
        card.transmit(selectEf(JpkiFiles.AUTH_CERT));
        assertThat(sw(card.transmit(hex("00B0810004")))).isEqualTo(0x6A86);
    }

    @Test
    void malformedVerifySpendsNoTry() {
        SimulatedCard card = selected();
        card.transmit(selectEf(JpkiFiles.AUTH_PIN));
        assertThat(sw(card.transmit(hex("002000800539393939")))).isEqualTo(0x6700);
        assertThat(sw(card.transmit(verifyQuery()))).isEqualTo(0x63C3);
    }

    @Test
    void refusesToSignDataThatCannotBePadded() throws Exception {
        SimulatedCard card = selected();
        card.transmit(selectEf(JpkiFiles.AUTH_PIN));
        card.transmit(verify(Fixtures.PIN));
        card.transmit(selectEf(JpkiFiles.AUTH_KEY));
        assertThat(sw(card.transmit(sign(new byte[246])))).isEqualTo(0x6700);
        assertThat(sw(card.transmit(hex("802A0080")))).isEqualTo(0x6700);
        assertThat(card.signatures()).isZero();
    }

    @Test
    void answers6A86ForBadVerifyParameters() {
        SimulatedCard card = selected();
        card.transmit(selectEf(JpkiFiles.AUTH_PIN));
        assertThat(sw(card.transmit(hex("00200081")))).isEqualTo(0x6A86);
    }

    @Test
    void cardWithoutSignatureCertificateHasNoSignatureFiles() {
        SimulatedCard card = Fixtures.childCard().toSimulatedCard();
        card.transmit(selectAid(JPKI_AID));
        assertThat(sw(card.transmit(selectEf(JpkiFiles.SIGN_CERT)))).isEqualTo(0x6A82);
        assertThat(sw(card.transmit(selectEf(JpkiFiles.SIGN_PIN)))).isEqualTo(0x6A82);
        assertThat(sw(card.transmit(selectEf(JpkiFiles.AUTH_CERT)))).isEqualTo(0x9000);
    }

    @Test
    void smartphoneTokenWantsThePinBeforeTheAuthenticationCertificate() {
        SimulatedCard card = Fixtures.phoneToken().toSimulatedCard();
        card.transmit(selectAid(JPKI_AID));
        card.transmit(selectEf(JpkiFiles.AUTH_CERT));
        assertThat(sw(card.transmit(readBinary(0, 4)))).isEqualTo(0x6982);
        card.transmit(selectEf(JpkiFiles.AUTH_PIN));
        card.transmit(verify(Fixtures.PIN));
        card.transmit(selectEf(JpkiFiles.AUTH_CERT));
        assertThat(sw(card.transmit(readBinary(0, 4)))).isEqualTo(0x9000);
    }

    static byte[] digestInfo(byte[] message) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(message);
        byte[] prefix = JpkiFiles.sha256DigestInfoPrefix();
        byte[] info = Arrays.copyOf(prefix, prefix.length + hash.length);
        System.arraycopy(hash, 0, info, prefix.length, hash.length);
        return info;
    }
}
