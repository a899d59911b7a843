package io.mynagate.gateway.jwks;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import io.mynagate.gateway.support.GatewayFixture;
import io.mynagate.gateway.support.TestKeys;
import io.mynagate.gateway.support.Tokens;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Key fetching when the issuer misbehaves: endpoint down, new kid, forged kids. */
class JwksResilienceTest {

  private static String fresh(GatewayFixture gw, com.nimbusds.jose.jwk.JWK key) {
    return "Bearer " + Tokens.sign(key, Tokens.accessClaims(gw.issuer()).build());
  }

  private static void awaitFetches(GatewayFixture gw, int atLeast) throws InterruptedException {
    for (int i = 0; i < 100 && gw.jwks.fetches() < atLeast; i++) {
      Thread.sleep(20);
    }
    assertThat(gw.jwks.fetches()).isGreaterThanOrEqualTo(atLeast);
  }

  @Test
  void keepsServingCachedKeysWhileJwksIsDownThenStopsAfterMaxStale() throws Exception {
    try (GatewayFixture gw = GatewayFixture.start(f -> {
      f.issuerConfig().put("jwksRefreshInterval", "100ms");
      f.issuerConfig().put("jwksMaxStale", "1500ms");
    })) {
      String cachedToken = fresh(gw, gw.rsa);
      assertThat(gw.get("/api/x", cachedToken).statusCode()).isEqualTo(200);
      gw.jwks.down(true);
      long down = System.nanoTime();
      int failedFetches = gw.jwks.fetches() + 2;
      awaitFetches(gw, failedFetches);

      assertThat(gw.get("/api/x", fresh(gw, gw.rsa)).statusCode()).as("new token, keys cached")
          .isEqualTo(200);
      assertThat(gw.get("/api/x", cachedToken).statusCode()).as("cached token").isEqualTo(200);
      assertThat((System.nanoTime() - down) / 1_000_000).as("still within jwksMaxStale")
          .isLessThan(1300);

      Thread.sleep(Math.max(0, 1900 - (System.nanoTime() - down) / 1_000_000));
      HttpResponse<Buffer> stale = gw.get("/api/x", fresh(gw, gw.rsa));
      assertThat(stale.statusCode()).as("keys stale beyond bound").isEqualTo(503);
      assertThat(gw.get("/api/x", cachedToken).statusCode()).as("cached token, stale keys")
          .isEqualTo(503);
      assertThat(gw.get("/health", null).statusCode()).isEqualTo(503);

      gw.jwks.down(false);
      awaitFetches(gw, gw.jwks.fetches() + 2);
      assertThat(gw.get("/api/x", fresh(gw, gw.rsa)).statusCode()).as("issuer back")
          .isEqualTo(200);
    }
  }

  @Test
  void sharesOneRefetchAmongConcurrentRequestsWithNewKid() throws Exception {
    try (GatewayFixture gw = GatewayFixture.start()) {
      ECKey next = TestKeys.ec("ec-next");
      gw.jwks.publish(gw.rsa, gw.ec, next);
      Thread.sleep(250); // past jwksMinRefetchInterval (200ms) since the start-up fetch
      int before = gw.jwks.fetches();

      List<Future<HttpResponse<Buffer>>> responses = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        responses.add(gw.client.get(gw.port(), "127.0.0.1", "/api/x")
            .putHeader("Authorization", fresh(gw, next)).send());
      }
      Future.all(responses).await();

      assertThat(responses).allSatisfy(r -> assertThat(r.result().statusCode()).isEqualTo(200));
      assertThat(gw.jwks.fetches() - before).isEqualTo(1);
    }
  }

  @Test
  void forgedKidsArrivingTogetherCauseOneFetchPerInterval() throws Exception {
    try (GatewayFixture gw = GatewayFixture.start(
        f -> f.issuerConfig().put("jwksMinRefetchInterval", "1s"))) {
      int before = gw.jwks.fetches();
      for (int batch = 0; batch < 2; batch++) {
        List<Future<HttpResponse<Buffer>>> responses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          ECKey forged = TestKeys.ec("forged-" + UUID.randomUUID());
          responses.add(gw.client.get(gw.port(), "127.0.0.1", "/api/x")
              .putHeader("Authorization", fresh(gw, forged)).send());
        }
        Future.all(responses).await();
        assertThat(responses).allSatisfy(r -> assertThat(r.result().statusCode()).isEqualTo(401));
      }
      assertThat(gw.jwks.fetches() - before).isBetween(1, 2);
      assertThat(gw.rejections("unknown_key")).isEqualTo(40);
    }
  }

  @Test
  void findsAKeyPublishedJustAfterAFetch() throws Exception {
    try (GatewayFixture gw = GatewayFixture.start(
        f -> f.issuerConfig().put("jwksMinRefetchInterval", "1s"))) {
      // The start-up fetch just happened; the issuer publishes a key and signs with it at once.
      ECKey next = TestKeys.ec("ec-next");
      gw.jwks.publish(gw.rsa, gw.ec, next);
      long start = System.nanoTime();
      assertThat(gw.get("/api/x", fresh(gw, next)).statusCode()).isEqualTo(200);
      assertThat((System.nanoTime() - start) / 1_000_000).as("ms waited").isLessThan(3000);
    }
  }

  @Test
  void dropsCachedTokensWhenTheirKeyLeavesTheJwks() throws Exception {
    try (GatewayFixture gw = GatewayFixture.start(
        f -> f.issuerConfig().put("jwksRefreshInterval", "100ms"))) {
      String token = fresh(gw, gw.ec);
      assertThat(gw.get("/api/x", token).statusCode()).isEqualTo(200);
      gw.jwks.publish(gw.rsa);
      awaitFetches(gw, gw.jwks.fetches() + 2);
      assertThat(gw.get("/api/x", token).statusCode()).isEqualTo(401);
      assertThat(gw.rejections("unknown_key")).isEqualTo(1);
    }
  }
}
