package io.mynagate.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.jpki.card.JpkiCardClient;
import io.mynagate.jpki.card.PinKind;
import io.mynagate.jpki.profile.BasicAttributes;
import io.mynagate.simulator.card.SimulatedCard;
import io.mynagate.simulator.pki.CertKind;
import io.mynagate.simulator.pki.IssuedCard;
import io.mynagate.simulator.pki.TestPki;
import io.mynagate.simulator.revocation.RevocationServices;
import io.mynagate.simulator.smartcardio.VirtualCardProvider;
import io.mynagate.simulator.smartcardio.VirtualReader;
import io.mynagate.simulator.testing.Fixtures;
import io.mynagate.simulator.vpcd.VpcdCardClient;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Pattern;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

/**
 * A representative run (CLI issue, revoke and renew; the card through the in-process provider and
 * through the vpcd wire protocol, with wrong and right PINs; OCSP, CRL and the fault switch), with
 * stdout, stderr and every {@code System.Logger} record at every level captured, plus the messages
 * and {@code toString()} of what the run produced. None of it may carry the resident's name,
 * address, PIN, signature password or My Number, or a whole certificate.
 */
class NoPersonalDataInOutputTest {
    private static final String NAME = "漏洩検査太郎";
    private static final String ADDRESS = "北海道札幌市中央区漏洩検査町9-9";
    private static final String PIN = "8642";
    private static final String PASSWORD = "LEAKQ8642";
    private static final String BIRTH = "1977-03-05";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aRepresentativeRunPrintsAndLogsNoPersonalDataPinOrCertificate() throws Exception {
        List<String> texts = new ArrayList<>();
        String cardId;
        IssuedCard card;
        try (Capture capture = Capture.start()) {
            cardId = cli("card", "issue", dir(), "--name", NAME, "--address", ADDRESS, "--birth", BIRTH, "--sex", "1",
                    "--pin", PIN, "--sign-password", PASSWORD).trim();
            card = TestPki.open(Fixtures.pki().directory()).card(cardId);
            useTheCardInProcess(card, texts);
            useTheCardThroughVpcd(card.toSimulatedCard());
            askTheRevocationServices(card);
            cli("card", "revoke", dir(), cardId, "--reason", "keyCompromise", "--only", "sign");
            cli("card", "renew", dir(), cardId);
            cli("card", "list", dir());
            CardSimulatorCli.run("card", "issue", dir(), "--name", NAME, "--address", ADDRESS, "--birth", BIRTH,
                    "--sex", "1", "--pin", PIN + "0");
            texts.add(capture.text());
        }
        String everything = String.join("\n", texts);

        // The capture works: it saw the card id on stdout and the fault switch's log record.
        assertThat(everything).contains(cardId).contains("fault mode now ERROR").contains("card inserted into vpcd");
        assertThat(everything).doesNotContain(NAME).doesNotContain(ADDRESS).doesNotContain(PASSWORD)
                .doesNotContain(BIRTH).doesNotContain(BIRTH.replace("-", "")).doesNotContain(myNumberOf(cardId));
        assertThat(Pattern.compile("(?<![0-9A-Za-z])" + PIN + "(?![0-9A-Za-z])").matcher(everything).find())
                .as("the PIN appears").isFalse();
        assertThat(everything).doesNotContain(PIN + "0");
        assertThat(everything.toUpperCase().replace(" ", "")).as("the PIN as APDU hex appears")
                .doesNotContain(HexFormat.of().withUpperCase().formatHex(PIN.getBytes(StandardCharsets.US_ASCII)));
        assertNoCertificate(everything, card.authCertificate());
        assertNoCertificate(everything, card.signatureCertificate().orElseThrow());
    }

    private static void useTheCardInProcess(IssuedCard card, List<String> texts) throws Exception {
        SimulatedCard simulated = card.toSimulatedCard();
        texts.add(simulated.toString());
        texts.add(card.toString());
        texts.add(card.request().toString());
        TerminalFactory factory = TerminalFactory.getInstance(VirtualCardProvider.TYPE, simulated, new VirtualCardProvider());
        CardTerminal terminal = factory.terminals().list().get(0);
        texts.add(terminal.toString());
        javax.smartcardio.Card connection = terminal.connect("*");
        texts.add(connection.toString());
        JpkiCardClient client = JpkiCardClient.open(connection.getBasicChannel());
        client.readAuthenticationCertificate();
        texts.add(messageOf(() -> client.verifyPin(PinKind.AUTHENTICATION, "0000".toCharArray())));
        texts.add(messageOf(() -> client.readSignatureCertificate("WRONG0".toCharArray())));
        X509Certificate signature = client.readSignatureCertificate(PASSWORD.toCharArray());
        texts.add(BasicAttributes.from(signature).toString());
        client.sign(PinKind.AUTHENTICATION, PIN.toCharArray(), MessageDigest.getInstance("SHA-256").digest(new byte[1]));
        VirtualReader reader = VirtualReader.holding("privacy reader", card.toSimulatedCard());
        JpkiCardClient removed = JpkiCardClient.open(TerminalFactory.getInstance(VirtualCardProvider.TYPE, reader,
                new VirtualCardProvider()).terminals().list().get(0).connect("*").getBasicChannel());
        reader.remove();
        texts.add(messageOf(() -> removed.verifyPin(PinKind.AUTHENTICATION, PIN.toCharArray())));
    }

    /** The vpcd client against a stand-in vpcd: the PIN travels in a VERIFY APDU through it. */
    private static void useTheCardThroughVpcd(SimulatedCard simulated) throws Exception {
        HexFormat hex = HexFormat.of();
        try (ServerSocket vpcd = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                VpcdCardClient client = VpcdCardClient.insert("127.0.0.1", vpcd.getLocalPort(), simulated);
                Socket connection = vpcd.accept()) {
            connection.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(connection.getInputStream());
            DataOutputStream out = new DataOutputStream(connection.getOutputStream());
            exchange(in, out, new byte[] {0x04});
            exchange(in, out, hex.parseHex("00A4040C0AD392F000260100000001"));
            exchange(in, out, hex.parseHex("00A4020C020018"));
            assertThat(exchange(in, out, hex.parseHex("0020008004" + hex.formatHex(PIN.getBytes(StandardCharsets.US_ASCII)))))
                    .containsExactly(0x90, 0x00);
            assertThat(client.connected()).isTrue();
        }
    }

    private static byte[] exchange(DataInputStream in, DataOutputStream out, byte[] message) throws Exception {
        out.writeShort(message.length);
        out.write(message);
        out.flush();
        byte[] answer = new byte[in.readUnsignedShort()];
        in.readFully(answer);
        return answer;
    }

    private static void askTheRevocationServices(IssuedCard card) throws Exception {
        TestPki pki = Fixtures.pki();
        try (RevocationServices services = RevocationServices.start(pki, new InetSocketAddress("127.0.0.1", 0),
                new InetSocketAddress("127.0.0.1", 0))) {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(card.authCaCertificate()), card.authCertificate().getSerialNumber());
            byte[] request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
            assertThat(post(services.ocspUrl(), request)).isEqualTo(200);
            assertThat(get(services.crlBaseUrl() + CertKind.AUTH.id() + "-g" + TestPki.GENERATIONS + ".crl")).isEqualTo(200);
            assertThat(get("http://127.0.0.1:" + services.ocspPort() + "/fault?mode=error")).isEqualTo(200);
            assertThat(post(services.ocspUrl(), request)).isEqualTo(500);
            assertThat(post(services.ocspUrl(), "garbage".getBytes(StandardCharsets.US_ASCII))).isEqualTo(500);
            assertThat(get("http://127.0.0.1:" + services.ocspPort() + "/fault?mode=none")).isEqualTo(200);
            assertThat(post(services.ocspUrl(), "garbage".getBytes(StandardCharsets.US_ASCII))).isEqualTo(200);
        }
    }

    private static int get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int post(String url, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String cli(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        PrintStream tee = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        System.setOut(tee);
        try {
            assertThat(CardSimulatorCli.run(args)).as(args[0] + " " + args[1]).isZero();
        } finally {
            System.setOut(original);
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        original.print(out); // still reaches the capture around us
        return out;
    }

    private static String dir() {
        return Fixtures.pki().directory().toString();
    }

    private static String myNumberOf(String cardId) throws Exception {
        Properties card = new Properties();
        try (var in = Files.newBufferedReader(Fixtures.pki().directory().resolve("cards").resolve(cardId)
                .resolve("card.properties"), StandardCharsets.UTF_8)) {
            card.load(in);
        }
        String myNumber = card.getProperty("myNumber");
        assertThat(myNumber).matches("[0-9]{12}");
        return myNumber;
    }

    private static String messageOf(ThrowingRunnable action) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> {
            try {
                action.run();
            } catch (Throwable t) {
                thrown[0] = t;
                throw t;
            }
        }).isNotNull();
        StringBuilder text = new StringBuilder();
        for (Throwable t = thrown[0]; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    /** No 40-character piece of the certificate's base64, nor of its hex, appears. */
    private static void assertNoCertificate(String text, X509Certificate certificate) throws Exception {
        byte[] der = certificate.getEncoded();
        String base64 = Base64.getEncoder().encodeToString(der);
        String hex = HexFormat.of().formatHex(der);
        String compact = text.replaceAll("\\s", "");
        for (int i = 0; i + 40 <= base64.length(); i += 40) {
            assertThat(compact).doesNotContain(base64.substring(i, i + 40));
        }
        for (int i = 0; i + 40 <= hex.length(); i += 40) {
            assertThat(compact.toLowerCase()).doesNotContain(hex.substring(i, i + 40));
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Captures System.out, System.err and every JUL record (System.Logger's default backend) at every level. */
    private static final class Capture implements AutoCloseable {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final PrintStream originalOut = System.out;
        private final PrintStream originalErr = System.err;
        private final Logger root = Logger.getLogger("");
        private final Logger ours = Logger.getLogger("io.mynagate");
        private final Level originalLevel = ours.getLevel();
        private final SimpleFormatter formatter = new SimpleFormatter();
        private final Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (buffer) {
                    buffer.writeBytes(formatter.format(record).getBytes(StandardCharsets.UTF_8));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };

        static Capture start() {
            Capture capture = new Capture();
            PrintStream stream = new PrintStream(capture.buffer, true, StandardCharsets.UTF_8);
            System.setOut(stream);
            System.setErr(stream);
            capture.handler.setLevel(Level.ALL);
            capture.ours.setLevel(Level.ALL);
            capture.root.addHandler(capture.handler);
            return capture;
        }

        String text() {
            synchronized (buffer) {
                return buffer.toString(StandardCharsets.UTF_8);
            }
        }

        @Override
        public void close() {
            root.removeHandler(handler);
            ours.setLevel(originalLevel);
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
