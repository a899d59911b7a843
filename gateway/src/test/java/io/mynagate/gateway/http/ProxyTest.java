package io.mynagate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.gateway.support.GatewayFixture;
import io.mynagate.gateway.support.RedisSupport;
import io.mynagate.gateway.support.Tokens;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.client.HttpResponse;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reverse-proxy behaviour: bodies, paths, upstream failures. */
class ProxyTest {
  private static GatewayFixture gw;

  @BeforeAll
  static void start() {
    gw = GatewayFixture.start(f -> {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> routes = (List<Map<String, Object>>) f.config.get("routes");
      routes.add(Map.of("pathPrefix", "/dead/", "upstream",
          RedisSupport.closedPortUri().replace("redis:", "http:"), "audience", "api"));
    });
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  private static String token() {
    return "Bearer " + Tokens.sign(gw.rsa, Tokens.accessClaims(gw.issuer()).build());
  }

  @Test
  void streamsALargeRequestBodyToTheUpstream() {
    Buffer body = Buffer.buffer(new byte[3 * 1024 * 1024]);
    HttpResponse<Buffer> response = gw.client.post(gw.port(), "127.0.0.1", "/api/upload")
        .putHeader("Authorization", token()).sendBuffer(body).await();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getInteger("bodyLength")).isEqualTo(body.length());
  }

  @Test
  void streamsAChunkedRequestBodyToTheUpstream() throws Exception {
    // Written on a raw socket so the test sees exactly what goes over the wire.
    try (Socket socket = new Socket("127.0.0.1", gw.port())) {
      socket.setSoTimeout(10_000);
      StringBuilder request = new StringBuilder("PUT /api/chunks HTTP/1.1\r\nHost: gw\r\n"
          + "Authorization: " + token() + "\r\nTransfer-Encoding: chunked\r\n"
          + "Connection: close\r\n\r\n");
      for (int i = 0; i < 50; i++) {
        request.append("3e8\r\n").append("x".repeat(1000)).append("\r\n");
      }
      request.append("0\r\n\r\n");
      socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(),
          StandardCharsets.US_ASCII);
      assertThat(response).startsWith("HTTP/1.1 200").contains("\"bodyLength\":50000")
          .contains("\"transfer-encoding\":\"chunked\"");
    }
  }

  @Test
  void streamsAChunkedBodyFromAKeepAliveVertxClient() throws Exception {
    HttpClient http = gw.vertx.createHttpClient();
    for (int round = 0; round < 2; round++) {
      int[] status = new int[1];
      Buffer body = http.request(new RequestOptions().setMethod(HttpMethod.PUT)
              .setHost("127.0.0.1").setPort(gw.port()).setURI("/api/chunks")
              .putHeader("Authorization", token()))
          .compose(request -> {
            request.setChunked(true);
            for (int i = 0; i < 50; i++) {
              request.write(Buffer.buffer(new byte[1000]));
            }
            request.end();
            // Read the body in the same callback, before the response can deliver it.
            return request.response().compose(response -> {
              status[0] = response.statusCode();
              return response.body();
            });
          }).await(20, TimeUnit.SECONDS);
      assertThat(status[0]).isEqualTo(200);
      assertThat(body.toJsonObject().getInteger("bodyLength")).isEqualTo(50_000);
    }
  }

  @Test
  void routesOnTheNormalizedPath() {
    // "/api/../admin/x" is "/admin/x": the admin route's scope applies, not the api route's.
    HttpResponse<Buffer> response = gw.get("/api/../admin/x", token());
    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void answers502WhenTheUpstreamIsDown() {
    assertThat(gw.get("/dead/x", token()).statusCode()).isEqualTo(502);
    assertThat(gw.metric("gateway_requests_total\\{outcome=\"upstream_error\"\\}")).isEqualTo(1);
  }

  @Test
  void servesHealthAndMetrics() {
    assertThat(gw.get("/health", null).bodyAsJsonObject().getString("status")).isEqualTo("UP");
    String metrics = gw.get("/metrics", null).bodyAsString();
    assertThat(metrics).contains("gateway_request_seconds_bucket", "gateway_token_cache_hit_ratio",
        "gateway_jwks_fetches_total", "gateway_rejections_total", "gateway_requests_total");
  }
}
