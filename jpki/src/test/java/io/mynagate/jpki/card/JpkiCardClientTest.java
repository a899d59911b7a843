package io.mynagate.jpki.card;

import static io.mynagate.jpki.card.ScriptedCardChannel.ins;
import static io.mynagate.jpki.card.ScriptedCardChannel.sw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.jpki.assertion.Signer;
import io.mynagate.jpki.testing.TestPki;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CommandAPDU;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JpkiCardClientTest {
    private static final TestPki.Issued AUTH_ROOT = TestPki.root().keyPair(TestPki.sharedKeyPair("root")).issue();
    private static final TestPki.Issued SIGN_ROOT =
            TestPki.root().signatureRoot().keyPair(TestPki.sharedKeyPair("root")).issue();
    private static final TestPki.Issued AUTH = TestPki.authenticationCertificate(AUTH_ROOT)
            .keyPair(TestPki.sharedKeyPair("auth")).issue();
    private static final TestPki.Issued SIGN = TestPki.signatureCertificate(SIGN_ROOT)
            .keyPair(TestPki.sharedKeyPair("sign")).issue();
    private static final char[] AUTH_PIN = "1234".toCharArray();
    private static final char[] SIGN_PASSWORD = "ABC123".toCharArray();

    private FakeJpkiApplet applet;
    private ScriptedCardChannel channel;

    @BeforeEach
    void card() throws Exception {
        applet = new FakeJpkiApplet()
                .tokenLabel("JPKIAPICCTOKEN2")
                .file(JpkiFiles.AUTH_CERT, AUTH.certificate().getEncoded())
                .file(JpkiFiles.AUTH_CA_CERT, AUTH_ROOT.certificate().getEncoded())
                .file(JpkiFiles.SIGN_CERT, SIGN.certificate().getEncoded())
                .file(JpkiFiles.SIGN_CA_CERT, SIGN_ROOT.certificate().getEncoded())
                .key(JpkiFiles.AUTH_KEY, AUTH.privateKey())
                .key(JpkiFiles.SIGN_KEY, SIGN.privateKey());
        channel = new ScriptedCardChannel(applet);
    }

    private JpkiCardClient client() throws JpkiCardException {
        return JpkiCardClient.open(channel);
    }

    private static String hex(CommandAPDU command) {
        return HexFormat.of().withUpperCase().formatHex(command.getBytes());
    }

    private List<CommandAPDU> sent(int ins) {
        return channel.sent().stream().filter(c -> c.getINS() == ins).toList();
    }

    // --- selecting the application

    @Test
    void selectsTheJpkiApplicationByAid() throws Exception {
        client();
        assertThat(hex(channel.sent().get(0))).isEqualTo("00A4040C0AD392F000260100000001");
    }

    @Test
    void rejectsCardWithoutJpkiApplication() {
        channel.always(ins(0xA4), c -> sw(0x6A82));
        assertThatThrownBy(this::client).isInstanceOf(NotJpkiCardException.class)
                .satisfies(e -> assertThat(((NotJpkiCardException) e).statusWord()).isEqualTo(0x6A82));
    }

    @Test
    void reportsUnexpectedAnswerToSelect() {
        channel.always(ins(0xA4), c -> sw(0x6F00));
        assertThatThrownBy(this::client).isInstanceOf(UnexpectedStatusWordException.class)
                .satisfies(e -> assertThat(((UnexpectedStatusWordException) e).statusWord()).isEqualTo(0x6F00));
    }

    // --- reading certificates

    @Test
    void readsAuthenticationCertificateWithoutPin() throws Exception {
        assertThat(client().readAuthenticationCertificate()).isEqualTo(AUTH.certificate());
        assertThat(sent(0x20)).isEmpty();
    }

    @Test
    void readsHeaderFirstThenChunksAndNeverThePadding() throws Exception {
        JpkiCardClient client = client();
        channel.clearSent();
        client.readAuthenticationCertificate();
        int derLength = AUTH.certificate().getEncoded().length;
        List<CommandAPDU> reads = sent(0xB0);
        assertThat(hex(reads.get(0))).isEqualTo("00B0000004");
        assertThat(reads).allSatisfy(r -> {
            int offset = (r.getP1() << 8) | r.getP2();
            assertThat(offset + r.getNe()).isLessThanOrEqualTo(derLength);
            assertThat(r.getNe()).isLessThanOrEqualTo(255);
        });
        assertThat(reads).hasSize(1 + (derLength - 4 + 254) / 255);
    }

    @Test
    void readsCertificateWhenCardAnswers6CxxForTheLastChunk() throws Exception {
        // The client asks for exactly what remains; this card also insists on its own Le once.
        JpkiCardClient client = client();
        channel.once(c -> c.getINS() == 0xB0 && c.getP1() == 0 && c.getP2() == 4, c -> sw(0x6C10));
        X509Certificate certificate = client.readAuthenticationCertificate();
        assertThat(certificate).isEqualTo(AUTH.certificate());
        assertThat(sent(0xB0)).anySatisfy(r -> assertThat(hex(r)).isEqualTo("00B0000410"));
    }

    @Test
    void readsShortTokenInfoWhenTheCardCorrectsLe() throws Exception {
        applet.unpaddedFile(JpkiFiles.TOKEN_INFO, "JPKIAPICCTOKEN2".getBytes()).answer6CForLongLe();
        assertThat(client().tokenKind()).isEqualTo(TokenKind.MY_NUMBER_CARD);
        assertThat(sent(0xB0)).extracting(JpkiCardClientTest::hex).containsExactly("00B0000020", "00B000000F");
    }

    @Test
    void readsCertificateWhenCardChains61xx() throws Exception {
        applet.chainResponsesLongerThan(100);
        assertThat(client().readAuthenticationCertificate()).isEqualTo(AUTH.certificate());
        assertThat(sent(0xC0)).isNotEmpty().allSatisfy(c -> assertThat(hex(c)).startsWith("00C00000"));
    }

    @Test
    void readsBothCaCertificates() throws Exception {
        JpkiCardClient client = client();
        assertThat(client.readAuthenticationCaCertificate()).isEqualTo(AUTH_ROOT.certificate());
        assertThat(client.readSignatureCaCertificate()).isEqualTo(SIGN_ROOT.certificate());
    }

    @Test
    void readsSignatureCertificateAfterPassword() throws Exception {
        assertThat(client().readSignatureCertificate(SIGN_PASSWORD)).isEqualTo(SIGN.certificate());
        assertThat(sent(0x20)).singleElement().satisfies(c -> assertThat(hex(c)).isEqualTo("0020008006414243313233"));
    }

    @Test
    void reportsMissingSignatureCertificateWithoutSpendingATry() {
        applet.withoutFile(JpkiFiles.SIGN_CERT);
        assertThatThrownBy(() -> client().readSignatureCertificate(SIGN_PASSWORD))
                .isInstanceOf(NoSignatureCertificateException.class);
        assertThat(sent(0x20)).isEmpty();
    }

    @Test
    void reportsEmptySignatureCertificateFileAsNoSignatureCertificate() {
        applet.file(JpkiFiles.SIGN_CERT, new byte[0]);
        assertThatThrownBy(() -> client().readSignatureCertificate(SIGN_PASSWORD))
                .isInstanceOf(NoSignatureCertificateException.class);
    }

    @Test
    void reportsMissingSignaturePasswordAsNoSignatureCertificate() {
        applet.withoutFile(JpkiFiles.SIGN_PIN);
        assertThatThrownBy(() -> client().triesLeft(PinKind.SIGNATURE))
                .isInstanceOf(NoSignatureCertificateException.class);
    }

    @Test
    void smartphoneRefusesAuthenticationCertificateWithoutPin() {
        applet.tokenLabel("JPKIAPGPSETOKEN").authenticationCertificateNeedsPin();
        assertThatThrownBy(() -> client().readAuthenticationCertificate())
                .isInstanceOf(SecurityStatusNotSatisfiedException.class);
    }

    @Test
    void smartphoneGivesAuthenticationCertificateAfterPin() throws Exception {
        applet.tokenLabel("JPKIAPGPSETOKEN").authenticationCertificateNeedsPin();
        JpkiCardClient client = client();
        assertThat(client.tokenKind()).isEqualTo(TokenKind.ANDROID);
        assertThat(client.readAuthenticationCertificate(AUTH_PIN)).isEqualTo(AUTH.certificate());
    }

    @Test
    void rejectsFileThatIsNoDerSequence() {
        applet.file(JpkiFiles.AUTH_CERT, new byte[] {0x04, 0x02, 0x01, 0x02, 0x03});
        assertThatThrownBy(() -> client().readAuthenticationCertificate())
                .isInstanceOf(MalformedCardDataException.class).hasMessageContaining("DER SEQUENCE");
    }

    @Test
    void rejectsDerObjectLongerThanTheFile() throws Exception {
        byte[] der = AUTH.certificate().getEncoded();
        applet.file(JpkiFiles.AUTH_CERT, der);
        channel.always(c -> c.getINS() == 0xB0 && ((c.getP1() << 8) | c.getP2()) > 600, c -> sw(0x6B00));
        assertThatThrownBy(() -> client().readAuthenticationCertificate())
                .isInstanceOf(MalformedCardDataException.class).hasMessageContaining("ends before");
    }

    @Test
    void rejectsDerSequenceThatIsNoCertificate() {
        applet.file(JpkiFiles.AUTH_CERT, new byte[] {0x30, 0x03, 0x02, 0x01, 0x05});
        assertThatThrownBy(() -> client().readAuthenticationCertificate())
                .isInstanceOf(MalformedCardDataException.class).hasMessageContaining("X.509");
    }

    @Test
    void rejectsDerLengthBeyondAnyCertificate() {
        // 0x83: the 4-byte header read ends inside the length, so one more byte is read first.
        applet.file(JpkiFiles.AUTH_CERT, new byte[] {0x30, (byte) 0x83, 0x01, 0x00, 0x00, 0x02, 0x01});
        assertThatThrownBy(() -> client().readAuthenticationCertificate())
                .isInstanceOf(MalformedCardDataException.class).hasMessageContaining("claims more than");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x80, 0x84})
    void rejectsIndefiniteOrOverlongDerLength(int lengthByte) {
        applet.file(JpkiFiles.AUTH_CERT, new byte[] {0x30, (byte) lengthByte, 0x00, 0x00, 0x00, 0x00});
        assertThatThrownBy(() -> client().readAuthenticationCertificate())
                .isInstanceOf(MalformedCardDataException.class).hasMessageContaining("unsupported DER length");
    }

    @Test
    void givesUpOnACardThatNeverStopsChaining() throws Exception {
        JpkiCardClient client = client();
        byte[] endless = new byte[18];
        endless[16] = 0x61;
        endless[17] = 0x10;
        channel.always(c -> c.getINS() == 0xB0 || c.getINS() == 0xC0, c -> new javax.smartcardio.ResponseAPDU(endless));
        assertThatThrownBy(client::readAuthenticationCertificate)
                .isInstanceOf(MalformedCardDataException.class).hasMessageContaining("61xx");
        assertThat(sent(0xC0)).hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void reportsUnexpectedStatusWordWhileReading() {
        channel.always(ins(0xB0), c -> sw(0x6A86));
        assertThatThrownBy(() -> client().readAuthenticationCertificate())
                .isInstanceOf(UnexpectedStatusWordException.class)
                .satisfies(e -> assertThat(((UnexpectedStatusWordException) e).statusWord()).isEqualTo(0x6A86));
    }

    // --- token label

    @ParameterizedTest
    @CsvSource({
        "JPKIAPICCTOKEN2, MY_NUMBER_CARD", "JPKIAPICCTOKEN, JUKI_CARD", "JPKIAPGPSETOKEN, ANDROID",
        "JPKIAPIOSTOKEN, IPHONE", "SOMETHINGELSE, UNKNOWN"
    })
    void tellsTokenKindFromLabel(String label, TokenKind kind) throws Exception {
        applet.tokenLabel(label);
        JpkiCardClient client = client();
        assertThat(client.tokenLabel()).isEqualTo(label);
        assertThat(client.tokenKind()).isEqualTo(kind);
    }

    @Test
    void treatsMissingTokenInfoAsUnknownToken() throws Exception {
        applet.withoutFile(JpkiFiles.TOKEN_INFO);
        assertThat(client().tokenKind()).isEqualTo(TokenKind.UNKNOWN);
    }

    // --- PINs

    @Test
    void countsTriesWithoutSpendingOne() throws Exception {
        applet.triesLeft(JpkiFiles.AUTH_PIN, 2);
        JpkiCardClient client = client();
        assertThat(client.triesLeft(PinKind.AUTHENTICATION)).isEqualTo(2);
        assertThat(client.triesLeft(PinKind.AUTHENTICATION)).isEqualTo(2);
        assertThat(client.triesLeft(PinKind.SIGNATURE)).isEqualTo(5);
        assertThat(sent(0x20)).allSatisfy(c -> assertThat(hex(c)).isEqualTo("00200080"));
        assertThat(applet.triesLeft(JpkiFiles.AUTH_PIN)).isEqualTo(2);
    }

    @Test
    void countsFullTriesOnceVerified() throws Exception {
        JpkiCardClient client = client();
        client.verifyPin(PinKind.AUTHENTICATION, AUTH_PIN);
        assertThat(client.triesLeft(PinKind.AUTHENTICATION)).isEqualTo(3);
    }

    @Test
    void verifiesPinAsAscii() throws Exception {
        client().verifyPin(PinKind.AUTHENTICATION, AUTH_PIN);
        assertThat(hex(sent(0x20).get(0))).isEqualTo("002000800431323334");
        assertThat(hex(channel.sent().get(1))).isEqualTo("00A4020C020018");
    }

    @Test
    void reportsWrongPinWithTriesLeft() {
        assertThatThrownBy(() -> client().verifyPin(PinKind.AUTHENTICATION, "9999".toCharArray()))
                .isInstanceOf(WrongPinException.class)
                .satisfies(e -> {
                    assertThat(((WrongPinException) e).triesLeft()).isEqualTo(2);
                    assertThat(((WrongPinException) e).pinKind()).isEqualTo(PinKind.AUTHENTICATION);
                })
                .message().doesNotContain("9999");
    }

    @Test
    void reportsBlockedPinAfterLastWrongTry() throws Exception {
        applet.triesLeft(JpkiFiles.SIGN_PIN, 1);
        JpkiCardClient client = client();
        assertThatThrownBy(() -> client.verifyPin(PinKind.SIGNATURE, "WRONG1".toCharArray()))
                .isInstanceOf(PinBlockedException.class);
        assertThat(client.triesLeft(PinKind.SIGNATURE)).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {0x63C0, 0x6983, 0x6984})
    void treatsEveryBlockedAnswerAsBlocked(int statusWord) throws Exception {
        applet.triesLeft(JpkiFiles.AUTH_PIN, 0).blockedStatusWord(statusWord);
        JpkiCardClient client = client();
        assertThatThrownBy(() -> client.verifyPin(PinKind.AUTHENTICATION, AUTH_PIN))
                .isInstanceOf(PinBlockedException.class)
                .satisfies(e -> assertThat(((PinBlockedException) e).pinKind()).isEqualTo(PinKind.AUTHENTICATION));
        assertThat(client.triesLeft(PinKind.AUTHENTICATION)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "12345", "12a4", "１２３４"})
    void refusesMalformedAuthenticationPinWithoutSendingIt(String pin) {
        assertThatThrownBy(() -> client().verifyPin(PinKind.AUTHENTICATION, pin.toCharArray()))
                .isInstanceOf(PinFormatException.class);
        assertThat(sent(0x20)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC12", "abc123", "ABC-123", "ABCDEFGHIJKLMNOPQ"})
    void refusesMalformedSignaturePasswordWithoutSendingIt(String password) {
        assertThatThrownBy(() -> client().verifyPin(PinKind.SIGNATURE, password.toCharArray()))
                .isInstanceOf(PinFormatException.class)
                .satisfies(e -> assertThat(((PinFormatException) e).pinKind()).isEqualTo(PinKind.SIGNATURE));
        assertThat(sent(0x20)).isEmpty();
    }

    // --- signing

    @Test
    void signsSha256WithAuthenticationKey() throws Exception {
        byte[] message = "challenge".getBytes();
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(message);
        byte[] signature = client().sign(PinKind.AUTHENTICATION, AUTH_PIN, hash);

        assertThat(verifies(AUTH.certificate(), message, signature)).isTrue();
        assertThat(hex(sent(0x2A).get(0))).isEqualTo("802A008033"
                + "3031300D060960864801650304020105000420" + HexFormat.of().withUpperCase().formatHex(hash) + "00");
    }

    @Test
    void signsWithSignatureKey() throws Exception {
        byte[] message = "document".getBytes();
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(message);
        byte[] signature = client().sign(PinKind.SIGNATURE, SIGN_PASSWORD, hash);
        assertThat(verifies(SIGN.certificate(), message, signature)).isTrue();
        assertThat(channel.sent()).anySatisfy(c -> assertThat(hex(c)).isEqualTo("00A4020C02001A"));
    }

    @Test
    void signsWhenTheCardChainsTheSignature() throws Exception {
        applet.chainResponsesLongerThan(200);
        byte[] message = "chained".getBytes();
        byte[] signature = client().sign(PinKind.AUTHENTICATION, AUTH_PIN,
                MessageDigest.getInstance("SHA-256").digest(message));
        assertThat(verifies(AUTH.certificate(), message, signature)).isTrue();
    }

    @Test
    void doesNotSignAfterWrongPin() {
        assertThatThrownBy(() -> client().sign(PinKind.AUTHENTICATION, "0000".toCharArray(), new byte[32]))
                .isInstanceOf(WrongPinException.class);
        assertThat(sent(0x2A)).isEmpty();
    }

    @Test
    void refusesHashThatIsNotSha256() {
        assertThatThrownBy(() -> client().sign(PinKind.AUTHENTICATION, AUTH_PIN, new byte[20]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsSignatureOfWrongLength() {
        channel.always(ins(0x2A), c -> new javax.smartcardio.ResponseAPDU(new byte[] {1, 2, 3, (byte) 0x90, 0}));
        assertThatThrownBy(() -> client().sign(PinKind.AUTHENTICATION, AUTH_PIN, new byte[32]))
                .isInstanceOf(MalformedCardDataException.class);
    }

    @Test
    void reportsSecurityStatusNotSatisfiedOnSigning() {
        channel.always(ins(0x2A), c -> sw(0x6982));
        assertThatThrownBy(() -> client().sign(PinKind.AUTHENTICATION, AUTH_PIN, new byte[32]))
                .isInstanceOf(SecurityStatusNotSatisfiedException.class);
    }

    @Test
    void signerSignsDigestInfoOnceWithACopyOfThePin() throws Exception {
        char[] pin = AUTH_PIN.clone();
        Signer signer = client().signer(PinKind.AUTHENTICATION, pin);
        Arrays.fill(pin, '\0');
        byte[] message = "assertion".getBytes();
        byte[] digestInfo = digestInfo(MessageDigest.getInstance("SHA-256").digest(message));

        assertThat(verifies(AUTH.certificate(), message, signer.sign(digestInfo))).isTrue();
        assertThatThrownBy(() -> signer.sign(digestInfo)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void signerRefusesAnythingButSha256DigestInfo() throws Exception {
        Signer signer = client().signer(PinKind.AUTHENTICATION, AUTH_PIN);
        assertThatThrownBy(() -> signer.sign(new byte[51])).isInstanceOf(IllegalArgumentException.class);
        assertThat(sent(0x2A)).isEmpty();
    }

    // --- card removal

    @Test
    void reportsCardNotPresentAsRemoved() throws Exception {
        JpkiCardClient client = client();
        channel.always(c -> true, c -> {
            throw new CardNotPresentException("gone");
        });
        assertThatThrownBy(client::readAuthenticationCertificate).isInstanceOf(CardRemovedException.class);
    }

    @Test
    void reportsPcscRemovedCardAsRemoved() throws Exception {
        JpkiCardClient client = client();
        channel.always(ins(0x2A), c -> {
            throw new CardException("transmit failed", new Exception("SCARD_W_REMOVED_CARD"));
        });
        assertThatThrownBy(() -> client.sign(PinKind.AUTHENTICATION, AUTH_PIN, new byte[32]))
                .isInstanceOf(CardRemovedException.class);
    }

    @Test
    void reportsClosedChannelAsRemoved() throws Exception {
        JpkiCardClient client = client();
        channel.always(c -> true, c -> {
            throw new IllegalStateException("Channel has been closed");
        });
        assertThatThrownBy(() -> client.triesLeft(PinKind.AUTHENTICATION)).isInstanceOf(CardRemovedException.class);
    }

    @Test
    void reportsOtherReaderFailureAsCommunicationFailure() throws Exception {
        JpkiCardClient client = client();
        channel.always(c -> true, c -> {
            throw new CardException("SCARD_E_COMM_DATA_LOST");
        });
        assertThatThrownBy(client::readAuthenticationCertificate).isInstanceOf(CardCommunicationException.class);
    }

    // --- no way to the My Number

    @Test
    void selectsNoApplicationButJpki() throws Exception {
        JpkiCardClient client = client();
        client.tokenKind();
        client.readAuthenticationCertificate();
        client.readAuthenticationCaCertificate();
        client.readSignatureCaCertificate();
        client.readSignatureCertificate(SIGN_PASSWORD);
        client.triesLeft(PinKind.AUTHENTICATION);
        client.sign(PinKind.SIGNATURE, SIGN_PASSWORD, new byte[32]);
        Set<Integer> jpkiFiles = Set.of(JpkiFiles.AUTH_CERT, JpkiFiles.AUTH_CA_CERT, JpkiFiles.AUTH_KEY,
                JpkiFiles.AUTH_PIN, JpkiFiles.SIGN_CERT, JpkiFiles.SIGN_CA_CERT, JpkiFiles.SIGN_KEY,
                JpkiFiles.SIGN_PIN, JpkiFiles.TOKEN_INFO);
        assertThat(sent(0xA4)).allSatisfy(select -> {
            if (select.getP1() == 0x04) {
                assertThat(select.getData()).isEqualTo(JpkiFiles.jpkiAid());
            } else {
                assertThat(select.getP1()).isEqualTo(0x02);
                assertThat(jpkiFiles).contains(((select.getData()[0] & 0xFF) << 8) | (select.getData()[1] & 0xFF));
            }
        });
    }

    @Test
    void constantsAreHandedOutAsCopies() throws Exception {
        JpkiFiles.jpkiAid()[0] = 0;
        JpkiFiles.sha256DigestInfoPrefix()[0] = 0;
        assertThat(JpkiFiles.jpkiAid()[0]).isEqualTo((byte) 0xD3);
        assertThat(JpkiFiles.sha256DigestInfoPrefix()[0]).isEqualTo((byte) 0x30);
        client();
        assertThat(hex(channel.sent().get(0))).isEqualTo("00A4040C0AD392F000260100000001");
    }

    @Test
    void publicApiTakesNoApplicationIdOrFileId() {
        Set<Class<?>> allowed = Set.of(PinKind.class, char[].class, byte[].class, CardChannel.class);
        for (Method method : JpkiCardClient.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers())) {
                assertThat(allowed).as(method.getName()).containsAll(List.of(method.getParameterTypes()));
                if (method.getName().equals("sign")) {
                    assertThat(method.getParameterTypes()).containsExactly(PinKind.class, char[].class, byte[].class);
                }
            }
        }
    }

    private static byte[] digestInfo(byte[] hash) {
        byte[] prefix = JpkiFiles.sha256DigestInfoPrefix();
        byte[] info = Arrays.copyOf(prefix, prefix.length + hash.length);
        System.arraycopy(hash, 0, info, prefix.length, hash.length);
        return info;
    }

    private static boolean verifies(X509Certificate certificate, byte[] message, byte[] signature) throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(certificate.getPublicKey());
        rsa.update(message);
        return rsa.verify(signature);
    }
}
