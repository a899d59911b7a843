package io.mynagate.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.mynagate.simulator.testing.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/card-simulator} as an operator runs it, checked by software of another module:
 * {@code bin/jpki verify} accepts a simulator-issued certificate with OCSP and with CRL, rejects a
 * revoked one, and rejects everything while the responder is switched to fail.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CardSimulatorCliIT {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final String NAME = "試験花子";
    private static final String ADDRESS = "大阪府大阪市北区梅田1-1";
    private static final String PASSWORD = "ZQXW4217";
    private static final String PIN = "4321";
    private static final List<String> OUTPUTS = new ArrayList<>();

    @TempDir
    static Path dir;
    private static int ocspPort;
    private static int crlPort;
    private static Process server;
    private static String goodCard;
    private static String revokedCard;

    @BeforeAll
    static void createPkiCardsAndServices() throws Exception {
        ocspPort = Fixtures.freePort();
        crlPort = Fixtures.freePort();
        simulator("pki", "init", dir.toString(), "--ocsp-port", "" + ocspPort, "--crl-port", "" + crlPort);
        // Serve at once, so the two ports found free are taken quickly; the server re-reads the
        // directory on every request, so cards issued and revoked afterwards are seen as an operator would.
        server = new ProcessBuilder(script("card-simulator"), "serve", dir.toString())
                .redirectErrorStream(true).start();
        awaitReady(server);
        goodCard = issue();
        revokedCard = issue();
        assertThat(simulator("card", "revoke", dir.toString(), revokedCard, "--reason", "keyCompromise"))
                .contains("revoked " + revokedCard);
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void issuePrintsOnlyACardId() {
        assertThat(goodCard).matches("card-[0-9a-f]{8}");
    }

    @Test
    void jpkiVerifyAcceptsAnIssuedCertificateWithOcsp() throws Exception {
        Result result = verify(goodCard, "--ocsp", "aia", "--revocation", "ocsp");
        assertThat(result.exit).as(result.out).isZero();
        assertThat(result.out).contains("VALID").contains("OCSP");
    }

    @Test
    void jpkiVerifyAcceptsAnIssuedCertificateWithCrl() throws Exception {
        Result result = verify(goodCard, "--revocation", "crl", "--crl", crlUrl());
        assertThat(result.exit).as(result.out).isZero();
        assertThat(result.out).contains("VALID").contains("CRL");
    }

    @Test
    void jpkiVerifyRejectsARevokedCertificate() throws Exception {
        Result ocsp = verify(revokedCard, "--ocsp", "aia", "--revocation", "ocsp");
        assertThat(ocsp.exit).as(ocsp.out).isEqualTo(1);
        assertThat(ocsp.out).contains("REVOKED");
        Result crl = verify(revokedCard, "--revocation", "crl", "--crl", crlUrl());
        assertThat(crl.exit).as(crl.out).isEqualTo(1);
        assertThat(crl.out).contains("REVOKED");
    }

    @Test
    void jpkiVerifyRejectsEverythingWhileTheResponderFails() throws Exception {
        assertThat(fault("error")).isEqualTo(200);
        try {
            Result ocsp = verify(goodCard, "--ocsp", "aia", "--revocation", "ocsp");
            assertThat(ocsp.exit).as(ocsp.out).isEqualTo(1);
            assertThat(ocsp.out).doesNotContain("VALID:");
            Result crl = verify(goodCard, "--revocation", "crl", "--crl", crlUrl());
            assertThat(crl.exit).as(crl.out).isEqualTo(1);
            assertThat(crl.out).doesNotContain("VALID:");
        } finally {
            fault("none");
        }
    }

    @Test
    void jpkiVerifyFindsTheOlderRootGenerationOfTheSameName() throws Exception {
        String card = simulator("card", "issue", dir.toString(), "--name", NAME, "--address", ADDRESS, "--birth",
                "1999-12-31", "--sex", "2", "--no-signature-cert", "--generation", "1").trim();
        Result result = verify(card, "--ocsp", "aia", "--revocation", "ocsp");
        assertThat(result.exit).as(result.out).isZero();
        assertThat(result.out).contains("OCSP Responder auth G1");
    }

    @Test
    void renewalRevokesTheOldCertificateAndPrintsTheLinkage() throws Exception {
        String card = issue();
        Path oldCertificate = authCertificate(card);
        String out = simulator("card", "renew", dir.toString(), card);
        assertThat(out).contains("RENEWAL_AUTH").contains("RENEWAL_SIGN");
        Result old = verifyFile(oldCertificate, "--ocsp", "aia", "--revocation", "ocsp");
        assertThat(old.exit).as(old.out).isEqualTo(1);
        Result renewed = verify(card, "--ocsp", "aia", "--revocation", "ocsp");
        assertThat(renewed.exit).as(renewed.out).isZero();
    }

    /** Runs last, so that it sees what every other test made the scripts and the server print. */
    @Test
    @Order(Integer.MAX_VALUE)
    void nothingPrintedCarriesPersonalDataPinOrMyNumber() throws Exception {
        awaitServerLogged("fault mode now ERROR"); // the server's own log is part of what is checked
        Pattern pin = Pattern.compile("(?<![0-9A-Za-z])" + PIN + "(?![0-9A-Za-z])");
        List<String> myNumbers = myNumbers();
        synchronized (OUTPUTS) {
            assertThat(OUTPUTS).isNotEmpty();
            for (String out : OUTPUTS) {
                assertThat(out).doesNotContain(NAME).doesNotContain(ADDRESS).doesNotContain(PASSWORD)
                        .doesNotContain("1999-12-31").doesNotContain("19991231");
                assertThat(pin.matcher(out).find()).as("PIN in: " + out).isFalse();
                for (String myNumber : myNumbers) {
                    assertThat(out).doesNotContain(myNumber);
                }
            }
        }
    }

    private static void awaitServerLogged(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            synchronized (OUTPUTS) {
                if (OUTPUTS.stream().anyMatch(line -> line.contains(text))) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        fail("the server never logged: " + text);
    }

    private static List<String> myNumbers() throws IOException {
        List<String> numbers = new ArrayList<>();
        try (Stream<Path> cards = Files.list(dir.resolve("cards"))) {
            for (Path card : cards.toList()) {
                Properties properties = new Properties();
                try (var in = Files.newBufferedReader(card.resolve("card.properties"), StandardCharsets.UTF_8)) {
                    properties.load(in);
                }
                numbers.add(properties.getProperty("myNumber"));
            }
        }
        assertThat(numbers).isNotEmpty().allSatisfy(n -> assertThat(n).matches("[0-9]{12}"));
        return numbers;
    }

    private static String issue() throws Exception {
        return simulator("card", "issue", dir.toString(), "--name", NAME, "--address", ADDRESS, "--birth", "1999-12-31",
                "--sex", "2", "--pin", PIN, "--sign-password", PASSWORD).trim();
    }

    private static String crlUrl() {
        return "http://127.0.0.1:" + crlPort + "/crl/auth-g2.crl";
    }

    private static int fault(String mode) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + ocspPort + "/fault?mode=" + mode)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static Path authCertificate(String card) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("cards").resolve(card))) {
            List<Path> certs = files.filter(p -> p.getFileName().toString().matches("auth-[0-9a-f]+\\.pem")).toList();
            Path current = dir.resolve("cards").resolve(card).resolve("card.properties");
            String serial = Files.readAllLines(current).stream().filter(l -> l.startsWith("authSerial="))
                    .findFirst().orElseThrow().substring("authSerial=".length());
            return certs.stream().filter(p -> p.getFileName().toString().equals("auth-" + serial + ".pem"))
                    .findFirst().orElseThrow();
        }
    }

    private static Result verify(String card, String... options) throws Exception {
        return verifyFile(authCertificate(card), options);
    }

    private static Result verifyFile(Path certificate, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(script("jpki"), "verify", certificate.toString(),
                "--trust", dir.resolve("ca/auth-g2.pem").toString(), "--trust", dir.resolve("ca/auth-g1.pem").toString(),
                "--profile", "auth", "--allow-test-roots"));
        command.addAll(List.of(options));
        return exec(command);
    }

    private static String simulator(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(script("card-simulator")));
        command.addAll(List.of(args));
        Result result = exec(command);
        assertThat(result.exit).as(String.join(" ", args) + ":\n" + result.out).isZero();
        return result.out;
    }

    private static Result exec(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Short-lived verifier runs: C1 only starts faster on a busy machine.
        builder.environment().put("JPKI_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        Process process = builder.start();
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getInputStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command.get(0) + " did not finish");
        }
        String out = new String(output.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        synchronized (OUTPUTS) {
            OUTPUTS.add(out);
        }
        return new Result(process.exitValue(), out);
    }

    private static String script(String name) {
        Path script = ROOT.resolve("bin").resolve(name);
        assertThat(script).as("script " + name).isExecutable();
        return script.toString();
    }

    private static void awaitReady(Process process) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (OUTPUTS) {
                        OUTPUTS.add(line);
                    }
                    if (line.equals("ready")) {
                        return true;
                    }
                }
            } catch (IOException e) {
                return false;
            }
            return false;
        });
        boolean started;
        try {
            started = ready.get(90, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            started = false;
        }
        synchronized (OUTPUTS) {
            assertThat(started).as("serve printed ready; it printed:\n" + String.join("\n", OUTPUTS)).isTrue();
        }
        // Keep draining so the server never blocks on a full pipe; keep the lines for the privacy check.
        Thread drain = new Thread(() -> {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (OUTPUTS) {
                        OUTPUTS.add(line);
                    }
                }
            } catch (IOException ignored) {
                // server stopped
            }
        });
        drain.setDaemon(true);
        drain.start();
    }

    private record Result(int exit, String out) {}
}
