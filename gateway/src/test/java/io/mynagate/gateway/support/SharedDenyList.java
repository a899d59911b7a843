package io.mynagate.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.vertx.core.MultiMap;
import java.util.Map;

/** Checks that two gateways share their deny list: the entry went through Redis and back. */
public final class SharedDenyList {
  private SharedDenyList() {}

  /**
   * Starts two gateways on the same {@code redis} configuration, waits until both reach it, and
   * checks that a logout sent to one is enforced by the other.
   */
  public static void assertTwoGatewaysShareIt(Map<String, Object> redis, long reachableWithinMillis)
      throws InterruptedException {
    try (GatewayFixture a = GatewayFixture.start(f -> f.config.put("redis", redis));
        GatewayFixture b = GatewayFixture.start(f -> f.config.put("redis", redis))) {
      StoreChecks.awaitReachable(a, reachableWithinMillis);
      StoreChecks.awaitReachable(b, reachableWithinMillis);
      assertLogoutIsEnforcedByTheOther(a, b);
    }
  }

  /**
   * A session's token passes {@code enforcer}; its logout goes to {@code receiver}; within one
   * second {@code enforcer} refuses the token (401).
   */
  public static void assertLogoutIsEnforcedByTheOther(GatewayFixture receiver,
      GatewayFixture enforcer) throws InterruptedException {
    JWTClaimsSet claims = Tokens.accessClaims(receiver.issuer()).build();
    String token = "Bearer " + Tokens.sign(receiver.rsa, claims);
    assertThat(enforcer.get("/api/x", token).statusCode()).as("before logout").isEqualTo(200);

    String logout = Tokens.signLogout(receiver.rsa, Tokens.logoutClaims(receiver.issuer(),
        (String) claims.getClaim("sid"), claims.getSubject()).build());
    assertThat(receiver.postForm("/backchannel-logout",
        MultiMap.caseInsensitiveMultiMap().add("logout_token", logout), null).statusCode())
        .as("logout accepted").isEqualTo(200);

    long start = System.nanoTime();
    while (enforcer.get("/api/x", token).statusCode() == 200) {
      assertThat((System.nanoTime() - start) / 1_000_000).as("ms until the other denies")
          .isLessThan(1000);
      Thread.sleep(10);
    }
    assertThat(enforcer.get("/api/x", token).statusCode()).isEqualTo(401);
  }
}
