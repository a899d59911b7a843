package io.mynagate.simulator.smartcardio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.jpki.card.CardRemovedException;
import io.mynagate.jpki.card.JpkiCardClient;
import io.mynagate.jpki.card.NoSignatureCertificateException;
import io.mynagate.jpki.card.PinBlockedException;
import io.mynagate.jpki.card.PinKind;
import io.mynagate.jpki.card.SecurityStatusNotSatisfiedException;
import io.mynagate.jpki.card.TokenKind;
import io.mynagate.jpki.card.WrongPinException;
import io.mynagate.jpki.profile.BasicAttributes;
import io.mynagate.simulator.card.SimulatedCard;
import io.mynagate.simulator.card.TokenType;
import io.mynagate.simulator.pki.IssuedCard;
import io.mynagate.simulator.testing.Fixtures;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** H1's JPKI card client against the simulator through the in-process javax.smartcardio provider. */
class JpkiCardClientInProcessTest {
    private static final char[] PIN = Fixtures.PIN.toCharArray();
    private static final char[] PASSWORD = Fixtures.PASSWORD.toCharArray();
    private static IssuedCard adult;

    @BeforeAll
    static void issue() {
        adult = Fixtures.adultCard();
    }

    private static CardChannel channel(Object parameter) throws Exception {
        TerminalFactory factory = TerminalFactory.getInstance(VirtualCardProvider.TYPE, parameter, new VirtualCardProvider());
        CardTerminal terminal = factory.terminals().list().get(0);
        Card card = terminal.connect("*");
        return card.getBasicChannel();
    }

    private static JpkiCardClient client(SimulatedCard card) throws Exception {
        return JpkiCardClient.open(channel(card));
    }

    @Test
    void readsTheAuthenticationCertificateOfACard() throws Exception {
        JpkiCardClient client = client(adult.toSimulatedCard());
        assertThat(client.tokenKind()).isEqualTo(TokenKind.MY_NUMBER_CARD);
        assertThat(client.readAuthenticationCertificate()).isEqualTo(adult.authCertificate());
        assertThat(client.readAuthenticationCaCertificate()).isEqualTo(adult.authCaCertificate());
    }

    @Test
    void readsTheSignatureCertificateWithItsAttributesAfterThePassword() throws Exception {
        JpkiCardClient client = client(adult.toSimulatedCard());
        var certificate = client.readSignatureCertificate(PASSWORD);
        assertThat(certificate).isEqualTo(adult.signatureCertificate().orElseThrow());
        BasicAttributes attributes = BasicAttributes.from(certificate);
        assertThat(attributes.name()).isEqualTo(Fixtures.NAME);
        assertThat(attributes.address()).isEqualTo(Fixtures.ADDRESS);
        assertThat(attributes.birthDate()).isEqualTo(Fixtures.BIRTH);
    }

    @Test
    void signsSha256HashesThatVerifyAsRs256() throws Exception {
        JpkiCardClient client = client(adult.toSimulatedCard());
        byte[] message = "nonce-and-audience".getBytes();
        byte[] signature = client.sign(PinKind.AUTHENTICATION, PIN, MessageDigest.getInstance("SHA-256").digest(message));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(adult.authCertificate());
        verifier.update(message);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void signsWithTheSignatureKey() throws Exception {
        JpkiCardClient client = client(adult.toSimulatedCard());
        byte[] message = "share".getBytes();
        byte[] signature = client.sign(PinKind.SIGNATURE, PASSWORD, MessageDigest.getInstance("SHA-256").digest(message));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(adult.signatureCertificate().orElseThrow());
        verifier.update(message);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void wrongPinDecrementsAndReportsTriesLeft() throws Exception {
        JpkiCardClient client = client(adult.toSimulatedCard());
        assertThat(client.triesLeft(PinKind.AUTHENTICATION)).isEqualTo(3);
        assertThatThrownBy(() -> client.verifyPin(PinKind.AUTHENTICATION, "9999".toCharArray()))
                .isInstanceOfSatisfying(WrongPinException.class, e -> assertThat(e.triesLeft()).isEqualTo(2));
        assertThat(client.triesLeft(PinKind.AUTHENTICATION)).isEqualTo(2);
    }

    @Test
    void lastWrongTryBlocksAndABlockedCardRefusesToSign() throws Exception {
        JpkiCardClient client = client(adult.toSimulatedCard());
        for (int left = 2; left >= 1; left--) {
            int expected = left;
            assertThatThrownBy(() -> client.verifyPin(PinKind.AUTHENTICATION, "0000".toCharArray()))
                    .isInstanceOfSatisfying(WrongPinException.class, e -> assertThat(e.triesLeft()).isEqualTo(expected));
        }
        assertThatThrownBy(() -> client.verifyPin(PinKind.AUTHENTICATION, "0000".toCharArray()))
                .isInstanceOf(PinBlockedException.class);
        assertThat(client.triesLeft(PinKind.AUTHENTICATION)).isZero();
        assertThatThrownBy(() -> client.sign(PinKind.AUTHENTICATION, PIN, new byte[32]))
                .isInstanceOf(PinBlockedException.class);
    }

    @Test
    void signaturePasswordHasFiveTries() throws Exception {
        JpkiCardClient client = client(adult.toSimulatedCard());
        assertThat(client.triesLeft(PinKind.SIGNATURE)).isEqualTo(5);
        assertThatThrownBy(() -> client.verifyPin(PinKind.SIGNATURE, "WRONG1".toCharArray()))
                .isInstanceOfSatisfying(WrongPinException.class, e -> assertThat(e.triesLeft()).isEqualTo(4));
    }

    @Test
    void cardIssuedBlockedRefusesToSign() throws Exception {
        JpkiCardClient client = client(Fixtures.blockedCard().toSimulatedCard());
        assertThat(client.triesLeft(PinKind.AUTHENTICATION)).isZero();
        assertThatThrownBy(() -> client.sign(PinKind.AUTHENTICATION, PIN, new byte[32]))
                .isInstanceOf(PinBlockedException.class);
    }

    @Test
    void cardOfAResidentUnder15HasNoSignatureCertificate() throws Exception {
        JpkiCardClient client = client(Fixtures.childCard().toSimulatedCard());
        assertThatThrownBy(() -> client.readSignatureCertificate(PASSWORD))
                .isInstanceOf(NoSignatureCertificateException.class);
        assertThat(client.readAuthenticationCertificate()).isNotNull();
    }

    @Test
    void smartphoneTokenNeedsThePinForItsAuthenticationCertificate() throws Exception {
        IssuedCard phone = Fixtures.phoneToken();
        JpkiCardClient client = client(phone.toSimulatedCard());
        assertThat(client.tokenKind()).isEqualTo(TokenKind.ANDROID);
        assertThatThrownBy(client::readAuthenticationCertificate)
                .isInstanceOf(SecurityStatusNotSatisfiedException.class);
        assertThat(client.readAuthenticationCertificate(PIN)).isEqualTo(phone.authCertificate());
    }

    @Test
    void removingTheCardMidSessionFailsAsRemoved() throws Exception {
        VirtualReader reader = VirtualReader.holding("reader", adult.toSimulatedCard());
        JpkiCardClient client = JpkiCardClient.open(channel(reader));
        reader.remove();
        assertThatThrownBy(client::readAuthenticationCertificate).isInstanceOf(CardRemovedException.class);
    }

    @Test
    void theClientNeverTouchesTheMyNumber() throws Exception {
        SimulatedCard card = adult.toSimulatedCard();
        JpkiCardClient client = client(card);
        client.readAuthenticationCertificate();
        client.readSignatureCertificate(PASSWORD);
        client.sign(PinKind.AUTHENTICATION, PIN, new byte[32]);
        assertThat(card.myNumberReads()).isZero();
        assertThat(card.signatures()).isEqualTo(1);
    }

    /** The simulator writes the labels of jpki's TokenKind table, so the client tells every token it simulates. */
    @ParameterizedTest
    @EnumSource(TokenType.class)
    void clientTellsEveryTokenTypeTheSimulatorBuilds(TokenType type) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024); // never signs here: only the label and the access rule are looked at
        SimulatedCard card = SimulatedCard.builder()
                .authentication(adult.authCertificate(), adult.authCaCertificate(), generator.generateKeyPair().getPrivate())
                .authPin(Fixtures.PIN)
                .tokenType(type)
                .build();

        JpkiCardClient client = client(card);
        assertThat(client.tokenKind()).isEqualTo(type.kind());
        if (client.tokenKind().isSmartphone()) {
            assertThatThrownBy(client::readAuthenticationCertificate).isInstanceOf(SecurityStatusNotSatisfiedException.class);
        } else {
            assertThat(client.readAuthenticationCertificate()).isEqualTo(adult.authCertificate());
        }
    }
}
