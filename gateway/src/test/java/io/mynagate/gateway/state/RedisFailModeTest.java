package io.mynagate.gateway.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.gateway.support.GatewayFixture;
import io.mynagate.gateway.support.LogCapture;
import io.mynagate.gateway.support.RedisSupport;
import io.mynagate.gateway.support.Tokens;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

/** The gateway started with a Redis URI where nothing listens: the fail mode decides. */
class RedisFailModeTest {

  private static GatewayFixture startWithUnreachableRedis(String failMode) {
    return GatewayFixture.start(f -> f.config.put("redis",
        RedisSupport.config(RedisSupport.closedPortUri(), RedisSupport.uniquePrefix(), failMode)));
  }

  private static String validToken(GatewayFixture gw) {
    return "Bearer " + Tokens.sign(gw.rsa, Tokens.accessClaims(gw.issuer()).build());
  }

  @Test
  void failsClosedByDefault() {
    try (GatewayFixture gw = startWithUnreachableRedis("closed")) {
      HttpResponse<Buffer> response = gw.get("/api/x", validToken(gw));
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.getHeader("Retry-After")).isEqualTo("1");
      assertThat(gw.rejections("store_unavailable")).isEqualTo(1);
      HttpResponse<Buffer> health = gw.get("/health", null);
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.bodyAsJsonObject().getJsonObject("store").getBoolean("reachable"))
          .isFalse();
    }
  }

  @Test
  void logSaysRedisIsUnreachableAndWhy() throws Exception {
    try (LogCapture log = LogCapture.start("io.mynagate");
        GatewayFixture gw = startWithUnreachableRedis("closed")) {
      log.awaitLine(5000, "event=redis_unreachable", "failMode=CLOSED", "error=connect_failed");
    }
  }

  @Test
  void refusesLogoutItCannotShareWhileFailClosed() {
    try (GatewayFixture gw = startWithUnreachableRedis("closed")) {
      String logout = Tokens.signLogout(gw.rsa,
          Tokens.logoutClaims(gw.issuer(), "sid-1", "sub-1").build());
      HttpResponse<Buffer> response = gw.postForm("/backchannel-logout",
          MultiMap.caseInsensitiveMultiMap().add("logout_token", logout), null);
      assertThat(response.statusCode()).isEqualTo(503);
    }
  }

  @Test
  void keepsServingWhenFailOpenInsecure() {
    try (GatewayFixture gw = startWithUnreachableRedis("open-insecure")) {
      assertThat(gw.get("/api/x", validToken(gw)).statusCode()).isEqualTo(200);
      HttpResponse<Buffer> health = gw.get("/health", null);
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.bodyAsJsonObject().getJsonObject("store").getBoolean("reachable"))
          .isFalse();
    }
  }
}
