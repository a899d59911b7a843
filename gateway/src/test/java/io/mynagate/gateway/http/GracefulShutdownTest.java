package io.mynagate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.gateway.support.GatewayFixture;
import io.mynagate.gateway.support.Tokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Shutdown ({@code listen.shutdownGracePeriod}): requests already accepted are answered, new
 * connections are not accepted, and the grace period bounds the wait.
 */
class GracefulShutdownTest {
  /** An upstream that answers each request {@code delayMillis} after it arrives. */
  private static final class SlowUpstream {
    final AtomicInteger received = new AtomicInteger();
    final HttpServer server;

    SlowUpstream(Vertx vertx, long delayMillis) {
      server = vertx.createHttpServer().requestHandler(request -> {
        received.incrementAndGet();
        vertx.setTimer(delayMillis, id -> request.response().end("slow answer"));
      }).listen(0, "127.0.0.1").await();
    }

    String url() {
      return "http://127.0.0.1:" + server.actualPort();
    }
  }

  /** A gateway in front of a slow upstream, with one request already at the upstream. */
  private record InFlight(GatewayFixture gw, Future<HttpResponse<Buffer>> response)
      implements AutoCloseable {
    @SuppressWarnings("unchecked")
    static InFlight start(long upstreamDelayMillis, String gracePeriod)
        throws InterruptedException {
      SlowUpstream[] upstream = new SlowUpstream[1];
      GatewayFixture gw = GatewayFixture.start(f -> {
        upstream[0] = new SlowUpstream(f.vertx, upstreamDelayMillis);
        ((List<Map<String, Object>>) f.config.get("routes")).get(0)
            .put("upstream", upstream[0].url());
        f.config.put("listen", Map.of("host", "127.0.0.1", "port", 0,
            "shutdownGracePeriod", gracePeriod));
      });
      Future<HttpResponse<Buffer>> response = gw.client.get(gw.port(), "127.0.0.1", "/api/slow")
          .putHeader("Authorization",
              "Bearer " + Tokens.sign(gw.rsa, Tokens.accessClaims(gw.issuer()).build()))
          .send();
      long start = System.nanoTime();
      while (upstream[0].received.get() == 0) {
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms until the upstream has it")
            .isLessThan(5000);
        Thread.sleep(5);
      }
      return new InFlight(gw, response);
    }

    @Override
    public void close() {
      gw.close();
    }
  }

  @Test
  void aRequestInFlightIsAnsweredWhileNewConnectionsAreRefused() throws Exception {
    try (InFlight request = InFlight.start(800, "10s")) {
      GatewayFixture gw = request.gw();
      long start = System.nanoTime();
      Future<Void> stopped = gw.stopGateway();
      // A new client, so a new connection: the listener no longer accepts one.
      WebClient newcomer = WebClient.create(gw.vertx);
      long refusedAfter = -1;
      while (refusedAfter < 0 && (System.nanoTime() - start) < 700_000_000L) {
        try {
          newcomer.get(gw.port(), "127.0.0.1", "/health").send().await();
          Thread.sleep(10);
        } catch (Exception e) {
          refusedAfter = (System.nanoTime() - start) / 1_000_000;
        }
      }
      assertThat(refusedAfter).as("ms until new connections are refused").isBetween(0L, 700L);

      HttpResponse<Buffer> answer = request.response().await();
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.bodyAsString()).isEqualTo("slow answer");
      stopped.await();
    }
  }

  @Test
  void theGracePeriodBoundsTheWaitForASlowRequest() throws Exception {
    try (InFlight request = InFlight.start(5000, "300ms")) {
      long start = System.nanoTime();
      request.gw().stopGateway().await();
      long stoppedAfter = (System.nanoTime() - start) / 1_000_000;

      assertThat(stoppedAfter).as("ms until stopped").isBetween(250L, 3000L);
      assertThatThrownBy(request.response()::await).as("cut at the end of the grace period");
    }
  }
}
