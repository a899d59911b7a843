package io.mynagate.simulator.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.mynagate.jpki.Reason;
import io.mynagate.jpki.card.CardConnectors;
import io.mynagate.jpki.card.CardReaders;
import io.mynagate.jpki.card.CardRemovedException;
import io.mynagate.jpki.card.CardSession;
import io.mynagate.jpki.card.JpkiCardClient;
import io.mynagate.jpki.card.NoReaderException;
import io.mynagate.jpki.card.PinKind;
import io.mynagate.jpki.card.TokenKind;
import io.mynagate.jpki.card.WrongPinException;
import io.mynagate.jpki.profile.BasicAttributes;
import io.mynagate.simulator.card.SimulatedCard;
import io.mynagate.simulator.pki.IssuedCard;
import io.mynagate.simulator.testing.Fixtures;
import io.mynagate.simulator.vpcd.VpcdCardClient;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated card behind a real pcscd (vsmartcard-vpcd reader on 127.0.0.1:35963), used by code we
 * wrote (the jpki card client over jnasmartcardio, and jpki's card connector choosing jnasmartcardio by
 * name) and by code we did not (OpenSC's JPKI driver, pkcs15-tool and its PKCS#11 module). All vpcd
 * tests live in this one class, and a file lock keeps other JVMs off the single vpcd port while it
 * runs. Fails (never skips) without pcscd.
 */
class PcscdVpcdIT {
    private static final String VPCD_HOST = "127.0.0.1";
    private static final int VPCD_PORT = VpcdCardClient.DEFAULT_PORT;
    private static final String READER_PREFIX = "Virtual PCD 00 00";
    private static final String PKCS11_MODULE = "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so";
    private static final Path LOCK_FILE = Path.of(System.getProperty("java.io.tmpdir"), "myna-gateway-vpcd.lock");

    private static FileChannel lockChannel;
    private static FileLock lock;
    private static IssuedCard issued;
    private static SimulatedCard card;
    private static VpcdCardClient inserted;
    private Card connection;

    @BeforeAll
    static void insertCardIntoPcscd() throws Exception {
        lockChannel = FileChannel.open(LOCK_FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockChannel.lock();
        issued = Fixtures.adultCard();
        card = issued.toSimulatedCard();
        insert();
    }

    @AfterAll
    static void removeCard() throws IOException {
        if (inserted != null) {
            inserted.close();
        }
        if (lock != null) {
            lock.release();
            lockChannel.close();
        }
    }

    @BeforeEach
    void connect() throws Exception {
        connection = terminal().connect("*");
    }

    @AfterEach
    void disconnect() throws Exception {
        connection.disconnect(true);
    }

    @Test
    void pcscdShowsTheCardWithTheJpkiAtr() {
        assertThat(connection.getATR().getBytes()).isEqualTo(SimulatedCard.JPKI_ATR);
    }

    @Test
    void jpkiClientReadsBothCertificatesThroughPcscd() throws Exception {
        JpkiCardClient client = JpkiCardClient.open(connection.getBasicChannel());
        assertThat(client.tokenKind()).isEqualTo(TokenKind.MY_NUMBER_CARD);
        assertThat(client.readAuthenticationCertificate()).isEqualTo(issued.authCertificate());
        var signature = client.readSignatureCertificate(Fixtures.PASSWORD.toCharArray());
        assertThat(signature).isEqualTo(issued.signatureCertificate().orElseThrow());
        assertThat(BasicAttributes.from(signature).name()).isEqualTo(Fixtures.NAME);
    }

    @Test
    void jpkiClientSignsThroughPcscd() throws Exception {
        JpkiCardClient client = JpkiCardClient.open(connection.getBasicChannel());
        byte[] message = "login challenge".getBytes(StandardCharsets.UTF_8);
        byte[] signature = client.sign(PinKind.AUTHENTICATION, Fixtures.PIN.toCharArray(),
                MessageDigest.getInstance("SHA-256").digest(message));
        assertThat(verifies(signature, message)).isTrue();
    }

    @Test
    void wrongPinThroughPcscdReportsTriesLeft() throws Exception {
        JpkiCardClient client = JpkiCardClient.open(connection.getBasicChannel());
        assertThat(client.triesLeft(PinKind.SIGNATURE)).isEqualTo(5);
        assertThatThrownBy(() -> client.verifyPin(PinKind.SIGNATURE, "WRONG9".toCharArray()))
                .isInstanceOfSatisfying(WrongPinException.class, e -> assertThat(e.triesLeft()).isEqualTo(4));
        client.verifyPin(PinKind.SIGNATURE, Fixtures.PASSWORD.toCharArray()); // restores the counter for the others
        assertThat(client.triesLeft(PinKind.SIGNATURE)).isEqualTo(5);
    }

    @Test
    void removingTheCardMidSessionFailsAsRemovedThroughPcscd() throws Exception {
        JpkiCardClient client = JpkiCardClient.open(connection.getBasicChannel());
        client.readAuthenticationCertificate();
        inserted.close();
        awaitReader(false);
        try {
            assertThatThrownBy(client::readAuthenticationCertificate).isInstanceOf(CardRemovedException.class);
        } finally {
            try {
                connection.disconnect(false);
            } catch (Exception | Error ignored) {
                // the handle died with the card
            }
            insert();
            connection = terminal().connect("*");
        }
    }

    @Test
    void cardConnectorWithJnasmartcardioListsAndOpensTheVpcdReader() throws Exception {
        connection.disconnect(false);
        String reader = CardConnectors.readersForProvider(CardConnectors.JNASMARTCARDIO).list().stream()
                .filter(r -> r.name().startsWith(READER_PREFIX) && r.cardPresent())
                .map(CardReaders.Reader::name)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the connector lists no " + READER_PREFIX + " with a card"));

        try (CardSession session = CardConnectors.forProvider(CardConnectors.JNASMARTCARDIO)
                .open(reader, Duration.ofSeconds(10))) {
            JpkiCardClient client = JpkiCardClient.open(session.channel());
            assertThat(client.readAuthenticationCertificate()).isEqualTo(issued.authCertificate());
        }
        connection = terminal().connect("*");
    }

    @Test
    void cardConnectorWithJnasmartcardioRejectsAnUnknownReader() {
        assertThatThrownBy(() -> CardConnectors.forProvider(CardConnectors.JNASMARTCARDIO)
                        .open("No Such Reader 00 00", Duration.ZERO))
                .isInstanceOfSatisfying(NoReaderException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_READER));
    }

    @Test
    void openScListsBothCertificates() throws Exception {
        connection.disconnect(false);
        String out = run("pkcs15-tool", "--reader", READER_PREFIX, "--list-certificates");
        System.out.println("pkcs15-tool --list-certificates:\n" + out); // labels and serials only
        assertThat(out).contains("X.509 Certificate [User Authentication Certificate]")
                .contains("X.509 Certificate [Digital Signature Certificate]")
                .contains(hex(issued.authCertificate().getSerialNumber().toByteArray()));
        connection = terminal().connect("*");
    }

    @Test
    void openScReadsTheSignatureCertificateAfterThePassword() throws Exception {
        connection.disconnect(false);
        String out = run("pkcs15-tool", "--reader", READER_PREFIX, "--verify-pin", "--auth-id", "02",
                "--pin", Fixtures.PASSWORD, "--list-certificates");
        assertThat(out).contains(hex(issued.signatureCertificate().orElseThrow().getSerialNumber().toByteArray()));
        connection = terminal().connect("*");
    }

    @Test
    void openScReportsTheTriesOfBothPins() throws Exception {
        connection.disconnect(false);
        String out = run("pkcs15-tool", "--reader", READER_PREFIX, "--list-pins");
        assertThat(out).contains("PIN [User Authentication PIN]").contains("Tries left     : 3")
                .contains("PIN [Digital Signature PIN]").contains("Tries left     : 5");
        connection = terminal().connect("*");
    }

    @Test
    void openScPkcs11SignatureVerifiesAgainstTheAuthenticationCertificate() throws Exception {
        connection.disconnect(false);
        Path data = Files.createTempFile("pkcs11-data", ".bin");
        Path signature = Files.createTempFile("pkcs11-signature", ".bin");
        byte[] message = "signed by OpenSC".getBytes(StandardCharsets.UTF_8);
        Files.write(data, message);
        run("pkcs11-tool", "--module", PKCS11_MODULE, "--token-label", "JPKI (User Authentication PIN)",
                "--login", "--pin", Fixtures.PIN, "--sign", "--id", "01", "-m", "SHA256-RSA-PKCS",
                "--input-file", data.toString(), "--output-file", signature.toString());
        assertThat(verifies(Files.readAllBytes(signature), message)).isTrue();
        assertThat(card.myNumberReads()).isZero();
        connection = terminal().connect("*");
    }

    private static boolean verifies(byte[] signature, byte[] message) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(issued.authCertificate());
        verifier.update(message);
        return verifier.verify(signature);
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("%02X", b));
        }
        // pkcs15-tool prints tag and length, then the value without a leading zero byte
        return s.toString().replaceFirst("^00", "");
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Read on another thread so that a hanging tool still hits the timeout below.
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getInputStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail(command[0] + " did not finish within 120 s");
        }
        String text = new String(output.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(command[0] + " exit status; output:\n" + text).isZero();
        return text;
    }

    /** Connects the card to vpcd (no separate probe: vpcd would take a probe for a card). */
    private static void insert() throws Exception {
        try {
            inserted = VpcdCardClient.insert(VPCD_HOST, VPCD_PORT, card);
        } catch (IOException e) {
            fail("vpcd is not listening on " + VPCD_HOST + ":" + VPCD_PORT
                    + ": start pcscd with vsmartcard-vpcd (pgrep -x pcscd || (mkdir -p /run/pcscd && pcscd))");
        }
        awaitReader(true);
    }

    private static CardTerminal terminal() throws Exception {
        TerminalFactory factory = TerminalFactory.getInstance("PC/SC", null, new jnasmartcardio.Smartcardio());
        for (CardTerminal terminal : factory.terminals().list(CardTerminals.State.CARD_PRESENT)) {
            if (terminal.getName().startsWith(READER_PREFIX)) {
                return terminal;
            }
        }
        throw new AssertionError("no card in a reader named " + READER_PREFIX);
    }

    /** Polls pcscd until the reader shows (or no longer shows) a card; pcscd polls vpcd, so this takes a moment. */
    private static void awaitReader(boolean cardPresent) throws Exception {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                terminal();
                if (cardPresent) {
                    return;
                }
                seen.add("card still present");
            } catch (AssertionError | Exception e) {
                if (!cardPresent) {
                    return;
                }
                seen.add(e.getClass().getSimpleName());
            }
            sleep(250);
        }
        fail("pcscd never showed " + (cardPresent ? "the simulated card in " : "an empty ") + READER_PREFIX + " "
                + seen.subList(0, Math.min(3, seen.size())));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
