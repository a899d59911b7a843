package io.mynagate.gateway.jwks;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import io.mynagate.gateway.support.GatewayFixture;
import io.mynagate.gateway.support.TestKeys;
import io.mynagate.gateway.support.Tokens;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The issuer rotates its signing key the usual way (publish the new key, sign with it, retire
 * the old one) while many clients send valid tokens: not one valid request may fail.
 */
class KeyRotationUnderLoadTest {
  private static final int WORKERS = 16;

  @Test
  void acceptsEveryValidRequestWhileTheJwksRotates() throws Exception {
    try (GatewayFixture gw = GatewayFixture.start(f -> {
      // Background refresh rarely runs here: new kids are found by the unknown-kid refetch.
      f.issuerConfig().put("jwksRefreshInterval", "2s");
      f.issuerConfig().put("jwksMinRefetchInterval", "100ms");
    })) {
      ECKey old = gw.ec;
      ECKey next = TestKeys.ec("ec-2");
      ECKey third = TestKeys.ec("ec-3");
      gw.jwks.publish(old);
      Thread.sleep(400);
      AtomicInteger ok = new AtomicInteger();
      Map<String, AtomicInteger> okByKid = new ConcurrentHashMap<>();
      Map<Integer, AtomicInteger> failures = new ConcurrentHashMap<>();
      // The signing key the issuer uses right now; tokens are minted just before sending.
      JWK[] signing = {old};
      assertThat(old.getKeyID()).isEqualTo("ec-1");
      long end = System.currentTimeMillis() + 3000;
      List<Future<Void>> workers = new ArrayList<>();
      int before = gw.jwks.fetches();
      for (int w = 0; w < WORKERS; w++) {
        Promise<Void> done = Promise.promise();
        loop(gw, signing, end, ok, okByKid, failures, done);
        workers.add(done.future());
      }
      Thread.sleep(500);
      gw.jwks.publish(old, next);       // 1. publish the next key ...
      Thread.sleep(100);
      signing[0] = next;                // 2. ... sign with it (often before the gateway saw it)
      Thread.sleep(700);
      gw.jwks.publish(next);            // 3. retire the old key
      Thread.sleep(500);
      gw.jwks.publish(next, third);     // and once more, switching without a pause
      signing[0] = third;
      Thread.sleep(500);
      gw.jwks.publish(third);
      Future.all(workers).await();

      System.out.printf("key rotation under load: %d valid requests, %d failed, %d JWKS fetches,"
          + " unknown_key rejections %.0f%n", ok.get(),
          failures.values().stream().mapToInt(AtomicInteger::get).sum(),
          gw.jwks.fetches() - before, gw.rejections("unknown_key"));
      assertThat(failures).as("failed valid requests by status").isEmpty();
      // The machine is shared and noisy: require traffic in every phase, not a rate.
      assertThat(okByKid.keySet()).containsExactlyInAnyOrder("ec-1", "ec-2", "ec-3");
      assertThat(okByKid.values()).allSatisfy(n -> assertThat(n.get()).isGreaterThan(5));
      assertThat(gw.metric("gateway_jwks_fetches_total\\{cause=\"unknown_kid\",issuer=\"[^\"]*\","
          + "outcome=\"success\"\\}")).as("refetches on unknown kid").isGreaterThanOrEqualTo(1);
    }
  }

  private static void loop(GatewayFixture gw, JWK[] signing, long end, AtomicInteger ok,
      Map<String, AtomicInteger> okByKid, Map<Integer, AtomicInteger> failures,
      Promise<Void> done) {
    if (System.currentTimeMillis() >= end) {
      done.complete();
      return;
    }
    JWK key = signing[0];
    String token = Tokens.sign(key, Tokens.accessClaims(gw.issuer()).build());
    gw.client.get(gw.port(), "127.0.0.1", "/api/x").putHeader("Authorization", "Bearer " + token)
        .send()
        .onComplete(ar -> {
          int status = ar.succeeded() ? ar.result().statusCode() : -1;
          if (status == 200) {
            ok.incrementAndGet();
            okByKid.computeIfAbsent(key.getKeyID(), k -> new AtomicInteger()).incrementAndGet();
          } else {
            failures.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
          }
          loop(gw, signing, end, ok, okByKid, failures, done);
        });
  }
}
