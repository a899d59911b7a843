package io.mynagate.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.mynagate.bridge.testing.Processes;
import io.mynagate.bridge.testing.Processes.ProcessRun;
import io.mynagate.bridge.testing.SimulatedCards;
import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.card.CardConnectors;
import io.mynagate.jpki.card.CardReaders;
import io.mynagate.jpki.login.LoginExpectations;
import io.mynagate.jpki.login.LoginVerifier;
import io.mynagate.jpki.login.VerifiedLogin;
import io.mynagate.jpki.profile.CertificateKind;
import io.mynagate.jpki.validation.RevocationSources;
import io.mynagate.simulator.pki.IssuedCard;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bridge through the real stack: {@code bin/card-bridge} -> jnasmartcardio -> pcscd ->
 * vsmartcard-vpcd -> {@code bin/card-simulator serve DIR --card ID}, which also serves the OCSP responder
 * the identity provider's {@link LoginVerifier} asks. With a real reader and card the bridge runs the same
 * code. All vpcd tests of this module live in this class; the file lock that card-simulator's
 * {@code PcscdVpcdIT} takes keeps other JVMs off the single vpcd port meanwhile. Fails (never skips)
 * without pcscd.
 */
@Tag("integration")
class PcscdVpcdBridgeIT {
    private static final String READER_PREFIX = "Virtual PCD 00 00";
    private static final String AUDIENCE = "https://idp.example/realms/myna";
    private static final String CLIENT = "bank";
    private static final Path LOCK_FILE = Path.of(System.getProperty("java.io.tmpdir"), "myna-gateway-vpcd.lock");
    private static final long STARTED = System.nanoTime();

    private static FileChannel lockChannel;
    private static FileLock lock;
    private static IssuedCard issued;
    private static Process simulator;
    private static String reader;

    @BeforeAll
    static void serveTheCardThroughPcscd() throws Exception {
        lockChannel = FileChannel.open(LOCK_FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockChannel.lock();
        requirePcscdWithVpcd();
        issued = SimulatedCards.adult();
        simulator = new ProcessBuilder(Processes.script("card-simulator").toString(), "serve",
                SimulatedCards.pki().directory().toString(), "--card", issued.id())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        awaitReady(simulator);
        reader = awaitCardInVpcdReader();
    }

    @AfterAll
    static void stopTheSimulator() throws Exception {
        try {
            if (simulator != null) {
                simulator.destroy(); // SIGTERM: its shutdown hook takes the card out of vpcd
                if (!simulator.waitFor(30, TimeUnit.SECONDS)) {
                    simulator.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } finally {
            if (lock != null) {
                lock.release();
                lockChannel.close();
            }
            System.out.printf("PcscdVpcdBridgeIT took %.1f s%n", (System.nanoTime() - STARTED) / 1e9);
        }
    }

    @Test
    void statusSeesTheCardInTheVpcdReader() throws Exception {
        ProcessRun run = Processes.cardBridge("", Map.of(), "status");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).contains("reader: " + reader + " (card)", "card-reader: " + reader,
                "token: JPKIAPICCTOKEN2 (My Number card)", "auth-pin-tries-left: 3 of 3",
                "sign-password-tries-left: 5 of 5");
    }

    @Test
    void authAssertionThroughPcscdIsAcceptedWithOcsp() throws Exception {
        ProcessRun run = Processes.cardBridge(SimulatedCards.PIN + "\n", Map.of(), "assert", "--reader", reader,
                "--audience", AUDIENCE, "--nonce", "pcsc-auth-nonce", "--pin-stdin");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        VerifiedLogin login = verifierWithOcsp().verify(run.lastLine(), LoginExpectations.auth(AUDIENCE, "pcsc-auth-nonce"));
        assertThat(login.certificateKind()).isEqualTo(CertificateKind.AUTHENTICATION);
        assertThat(login.certificate()).isEqualTo(issued.authCertificate());
        assertThat(login.revocationEvidence()).isPresent();
    }

    @Test
    void shareAssertionThroughPcscdIsAcceptedWithOcsp() throws Exception {
        ProcessRun run = Processes.cardBridge(SimulatedCards.PASSWORD + "\n", Map.of(), "assert", "--reader", reader,
                "--audience", AUDIENCE, "--nonce", "pcsc-share-nonce", "--purpose", "share", "--client-id", CLIENT,
                "--claims", "address,age_over_20", "--pin-stdin");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        VerifiedLogin login = verifierWithOcsp().verify(run.lastLine(),
                LoginExpectations.share(AUDIENCE, "pcsc-share-nonce", CLIENT, List.of("address", "age_over_20")));
        assertThat(login.certificateKind()).isEqualTo(CertificateKind.SIGNATURE);
        assertThat(login.releasedClaims()).containsExactly(
                Map.entry("address", SimulatedCards.ADDRESS), Map.entry("age_over_20", true));
        assertThat(login.revocationEvidence()).isPresent();
    }

    @Test
    void wrongPinThroughPcscdIsRefusedWithTheTriesLeft() throws Exception {
        ProcessRun wrong = Processes.cardBridge("9999\n", Map.of(), "assert", "--reader", reader,
                "--audience", AUDIENCE, "--nonce", "pcsc-wrong-nonce", "--pin-stdin");
        // A right PIN resets the counter, so the other tests find the card as issued.
        ProcessRun right = Processes.cardBridge(SimulatedCards.PIN + "\n", Map.of(), "assert", "--reader", reader,
                "--audience", AUDIENCE, "--nonce", "pcsc-right-nonce", "--pin-stdin");

        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(CardBridgeCli.REFUSED);
        assertThat(wrong.out()).isEmpty();
        assertThat(wrong.errLines()).singleElement().asString().startsWith("wrong_pin: wrong PIN, 2 tries left");
        assertThat(right.exitCode()).as(right.toString()).isZero();
    }

    private static LoginVerifier verifierWithOcsp() {
        // The responder of the certificates' authorityInfoAccess: the simulator's serve process.
        return SimulatedCards.verifier().revocationSource(RevocationSources.ocsp().build()).build();
    }

    private static void requirePcscdWithVpcd() {
        List<CardReaders.Reader> readers;
        try {
            readers = CardConnectors.readersForProvider(CardConnectors.JNASMARTCARDIO).list();
        } catch (JpkiException | RuntimeException e) {
            throw new AssertionError("pcscd is not answering: start pcscd with vsmartcard-vpcd "
                    + "(pgrep -x pcscd || (mkdir -p /run/pcscd && pcscd)); scripts/test.sh does", e);
        }
        if (readers.stream().noneMatch(r -> r.name().startsWith(READER_PREFIX))) {
            fail("pcscd shows no " + READER_PREFIX + " reader: install vsmartcard-vpcd and restart pcscd; readers: "
                    + readers);
        }
    }

    /** The simulator prints {@code ready} once its services run and the card is in vpcd. */
    private static void awaitReady(Process process) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.equals("ready")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        Boolean started = ready.get(300, TimeUnit.SECONDS);
        if (!started) {
            fail("bin/card-simulator serve ended before it was ready (exit " + process.waitFor() + ")");
        }
        // Keep reading, so that the simulator never blocks on a full pipe.
        CompletableFuture.runAsync(() -> {
            try {
                while (lines.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    /** pcscd polls vpcd, so the card shows after a moment. */
    private static String awaitCardInVpcdReader() throws Exception {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Optional<String> name = CardConnectors.readersForProvider(CardConnectors.JNASMARTCARDIO).list().stream()
                    .filter(r -> r.name().startsWith(READER_PREFIX) && r.cardPresent())
                    .map(CardReaders.Reader::name)
                    .findFirst();
            if (name.isPresent()) {
                return name.get();
            }
            seen.add("no card yet");
            Thread.sleep(250);
        }
        fail("pcscd never showed the simulated card in " + READER_PREFIX + " " + seen.subList(0, Math.min(3, seen.size())));
        return null;
    }
}
