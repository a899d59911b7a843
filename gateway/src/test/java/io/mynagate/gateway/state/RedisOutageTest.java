package io.mynagate.gateway.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.gateway.support.GatewayFixture;
import io.mynagate.gateway.support.RedisSupport;
import io.mynagate.gateway.support.StoreChecks;
import io.mynagate.gateway.support.TcpRelay;
import io.mynagate.gateway.support.Tokens;
import io.vertx.core.MultiMap;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * Redis (the real one, behind a relay the test can cut) fails while the gateway runs: fail-closed
 * refuses within {@code unreachableAfter} and recovers by itself when Redis is back.
 */
class RedisOutageTest {

  private static long millisUntil(IntSupplier status, int expected, long limitMillis)
      throws InterruptedException {
    long start = System.nanoTime();
    while (status.getAsInt() != expected) {
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      assertThat(elapsed).as("ms waiting for HTTP %d", expected).isLessThan(limitMillis);
      Thread.sleep(20);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void failsClosedDuringAnOutageAndRecoversAfterIt() throws Exception {
    TcpRelay[] relay = new TcpRelay[1];
    try (GatewayFixture gw = GatewayFixture.start(f -> {
      relay[0] = new TcpRelay(f.vertx, 6379);
      f.config.put("redis", RedisSupport.config("redis://127.0.0.1:" + relay[0].port(),
          RedisSupport.uniquePrefix(), "closed"));
    })) {
      String token = "Bearer " + Tokens.sign(gw.rsa, Tokens.accessClaims(gw.issuer()).build());
      StoreChecks.awaitReachable(gw, 5000);
      assertThat(gw.get("/api/x", token).statusCode()).as("Redis reachable through relay")
          .isEqualTo(200);

      relay[0].cut();
      long refused = millisUntil(() -> gw.get("/api/x", token).statusCode(), 503, 3000);
      assertThat(gw.get("/health", null).statusCode()).isEqualTo(503);

      relay[0].restore();
      long recovered = millisUntil(() -> gw.get("/api/x", token).statusCode(), 200, 5000);
      System.out.printf("Redis outage: refused after %d ms, serving again %d ms after restore%n",
          refused, recovered);
    }
  }

  @Test
  void logoutRefusedDuringAnOutageIsAcceptedWhenTheIssuerRetries() throws Exception {
    TcpRelay[] relay = new TcpRelay[1];
    try (GatewayFixture gw = GatewayFixture.start(f -> {
      relay[0] = new TcpRelay(f.vertx, 6379);
      f.config.put("redis", RedisSupport.config("redis://127.0.0.1:" + relay[0].port(),
          RedisSupport.uniquePrefix(), "closed"));
    })) {
      MultiMap form = MultiMap.caseInsensitiveMultiMap().add("logout_token", Tokens.signLogout(
          gw.rsa, Tokens.logoutClaims(gw.issuer(), "sid-outage", "sub-outage").build()));
      // The first poll may time out on a loaded machine; the outage starts from a reachable store.
      StoreChecks.awaitReachable(gw, 5000);

      relay[0].cut();
      assertThat(gw.postForm("/backchannel-logout", form, null).statusCode()).isEqualTo(503);

      relay[0].restore();
      millisUntil(() -> gw.get("/health", null).statusCode(), 200, 5000);
      assertThat(gw.postForm("/backchannel-logout", form, null).statusCode()).as("retry")
          .isEqualTo(200);
      assertThat(gw.postForm("/backchannel-logout", form, null).statusCode()).as("replay")
          .isEqualTo(400);
    }
  }
}
