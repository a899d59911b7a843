package io.mynagate.jpki.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdkHttpTransportTest {
    private final List<AutoCloseable> resources = new ArrayList<>();
    // Generous for answers (a loaded CI machine), short where the test is about the timeout.
    private final HttpTransport transport = HttpTransport.create(Duration.ofSeconds(10), Duration.ofSeconds(10));
    private final HttpTransport impatient = HttpTransport.create(Duration.ofMillis(500), Duration.ofMillis(500));

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    private URI serve(int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        resources.add(() -> server.stop(0));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/x");
    }

    @Test
    void returnsTheBodyOfA200Response() throws Exception {
        assertThat(transport.exchange(serve(200, "ok"), "q".getBytes(StandardCharsets.UTF_8), "text/plain"))
                .isEqualTo("ok".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rejectsOtherStatusCodes() throws Exception {
        URI uri = serve(503, "busy");

        assertThatThrownBy(() -> transport.exchange(uri, null, null))
                .isInstanceOf(IOException.class).hasMessageContaining("503");
    }

    @Test
    void timesOutOnASilentServer() throws Exception {
        ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        resources.add(silent);
        Thread acceptor = new Thread(() -> {
            try {
                Socket socket = silent.accept();
                resources.add(socket);
            } catch (IOException ignored) {
                // closed at the end of the test
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        long start = System.nanoTime();

        assertThatThrownBy(() -> impatient.exchange(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"),
                null, null)).isInstanceOf(IOException.class).hasMessageContaining("within");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void failsWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }

        assertThatThrownBy(() -> transport.exchange(URI.create("http://127.0.0.1:" + port + "/"), null, null))
                .isInstanceOf(IOException.class);
    }

    @Test
    void refusesOtherSchemes() {
        assertThatThrownBy(() -> transport.exchange(URI.create("file:///etc/passwd"), null, null))
                .isInstanceOf(IOException.class).hasMessageContaining("http");
    }

    @Test
    void refusesNonPositiveTimeouts() {
        assertThatThrownBy(() -> HttpTransport.create(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
