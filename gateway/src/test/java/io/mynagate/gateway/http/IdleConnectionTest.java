package io.mynagate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.gateway.support.GatewayFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code listen.idleTimeout}: client connections that stay silent are closed by the gateway. */
class IdleConnectionTest {
  private static GatewayFixture gw;

  @BeforeAll
  static void start() {
    gw = GatewayFixture.start(f -> f.config.put("listen", Map.of("host", "127.0.0.1", "port", 0,
        "idleTimeout", "300ms")));
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  /** Reads until the gateway closes the connection; returns what came and when it closed. */
  private static String readUntilClosed(Socket socket, long[] closedAfterMillis, long start)
      throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      seen.write(buffer, 0, n);
    }
    closedAfterMillis[0] = (System.nanoTime() - start) / 1_000_000;
    return seen.toString(StandardCharsets.US_ASCII);
  }

  @Test
  void aConnectionThatSendsNothingIsClosed() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", gw.port())) {
      socket.setSoTimeout(5000); // a read that outlives this fails the test: never closed
      long[] closedAfter = new long[1];
      String seen = readUntilClosed(socket, closedAfter, System.nanoTime());
      assertThat(seen).isEmpty();
      assertThat(closedAfter[0]).as("ms until closed").isBetween(250L, 3000L);
    }
  }

  @Test
  void aKeepAliveConnectionIsClosedOnceIdleAfterItsResponse() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", gw.port())) {
      socket.setSoTimeout(5000);
      long start = System.nanoTime();
      socket.getOutputStream().write(
          "GET /health HTTP/1.1\r\nHost: gw\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      long[] closedAfter = new long[1];
      String seen = readUntilClosed(socket, closedAfter, start);
      assertThat(seen).startsWith("HTTP/1.1 200");
      assertThat(closedAfter[0]).as("ms until closed").isBetween(250L, 3000L);
    }
  }
}
