package io.mynagate.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;

/** What a gateway says about its shared store (Redis), seen from outside. */
public final class StoreChecks {
  private StoreChecks() {}

  /** Waits until {@code /health} reports the store reachable. */
  public static void awaitReachable(GatewayFixture gw, long limitMillis)
      throws InterruptedException {
    long start = System.nanoTime();
    while (gw.get("/health", null).statusCode() != 200) {
      assertThat((System.nanoTime() - start) / 1_000_000).as("ms until Redis is reachable")
          .isLessThan(limitMillis);
      Thread.sleep(20);
    }
  }

  /** With {@code failMode: closed}: a valid token gets 503 and {@code /health} says why. */
  public static void assertFailsClosed(GatewayFixture gw) {
    String token = "Bearer " + Tokens.sign(gw.rsa, Tokens.accessClaims(gw.issuer()).build());
    HttpResponse<Buffer> response = gw.get("/api/x", token);
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("1");
    HttpResponse<Buffer> health = gw.get("/health", null);
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.bodyAsJsonObject().getJsonObject("store").getBoolean("reachable"))
        .isFalse();
  }
}
