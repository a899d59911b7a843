package io.mynagate.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.bridge.testing.CliRun;
import io.mynagate.bridge.testing.RawHttp;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code card-bridge serve}: starts the page on 127.0.0.1, stops when told, and fails in one clear line. */
class ServeCommandTest {
    private static final Pattern SERVING = Pattern.compile("serving on http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path dir;

    @Test
    void servesThePageOnLoopbackUntilStopped() throws Exception {
        Path config = config("");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger status = new AtomicInteger(-1);
        Thread serve = new Thread(() -> status.set(CardBridgeCli.run(new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true), new PrintWriter(err, true),
                "serve", "--config", config.toString(), "--port", "0", "--provider", CliRun.SIMULATOR)));
        serve.start();
        int port = awaitPort(out);

        RawHttp.Response home = new RawHttp(port).get("/");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("カードブリッジは動作しています");
        serve.interrupt();
        serve.join(10_000);
        assertThat(status).hasValue(CardBridgeCli.OK);
        assertThat(err.toString()).isEmpty();
        assertThat(isListening(port)).isFalse();
    }

    @Test
    void reportsAPortInUseInOneLineWithExitStatusThree() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            CliRun run = CliRun.run("serve", "--config", config("").toString(), "--port",
                    String.valueOf(taken.getLocalPort()), "--provider", CliRun.SIMULATOR);

            assertThat(run.exitCode()).isEqualTo(CardBridgeCli.UNAVAILABLE);
            assertThat(run.errLines()).singleElement().asString()
                    .startsWith("port_in_use: port " + taken.getLocalPort() + " on 127.0.0.1 is in use");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void warnsWhenHttpOnLoopbackIsAllowed() throws Exception {
        Path config = dir.resolve("demo.properties");
        Files.writeString(config, "issuer.demo.url = http://127.0.0.1:8080/realms/demo\n"
                + "issuer.demo.jwks-uri = http://127.0.0.1:8080/realms/demo/protocol/openid-connect/certs\n"
                + "allow-http-on-loopback = true\n");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            CliRun run = CliRun.run("serve", "--config", config.toString(), "--port", String.valueOf(taken.getLocalPort()),
                    "--provider", CliRun.SIMULATOR);

            assertThat(run.errLines()).first().asString().startsWith("warning: allow-http-on-loopback is on");
        }
    }

    @Test
    void refusesToStartWithoutConfigurationFile() {
        CliRun run = CliRun.run("serve", "--config", dir.resolve("missing.properties").toString());

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.USAGE);
        assertThat(run.errLines()).singleElement().asString().startsWith("usage: no configuration file");
    }

    @Test
    void refusesAPortOutsideTheUnprivilegedRange() throws Exception {
        CliRun run = CliRun.run("serve", "--config", config("").toString(), "--port", "80");

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.USAGE);
        assertThat(run.err()).contains("1024..65535");
    }

    @Test
    void refusesWaitingForACard() throws Exception {
        CliRun run = CliRun.run("serve", "--config", config("").toString(), "--wait", "5");

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.USAGE);
        assertThat(run.err()).contains("--wait does not apply to serve");
    }

    private Path config(String extra) throws Exception {
        Path config = dir.resolve("card-bridge.properties");
        Files.writeString(config, "issuer.myna.url = https://idp.example.jp/realms/myna\n"
                + "issuer.myna.jwks-uri = https://idp.example.jp/realms/myna/protocol/openid-connect/certs\n" + extra);
        return config;
    }

    private static int awaitPort(StringWriter out) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Matcher matcher = SERVING.matcher(out.toString());
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("serve printed no address: " + out);
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
