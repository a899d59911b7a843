package io.mynagate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.mynagate.gateway.support.GatewayFixture;
import io.mynagate.gateway.support.LogCapture;
import io.mynagate.gateway.support.Tokens;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Logs at every level carry events and reasons, never tokens, subjects, sessions or secrets. */
class LogPrivacyTest {

  @Test
  void logsNoTokenContentsAtAnyLevel() {
    List<String> secrets = new ArrayList<>();
    LogCapture log = LogCapture.start("io.mynagate");
    try (log; GatewayFixture gw = GatewayFixture.start()) {
      JWTClaimsSet claims = Tokens.accessClaims(gw.issuer()).build();
      String valid = Tokens.sign(gw.rsa, claims);
      String expired = Tokens.sign(gw.rsa, Tokens.accessClaims(gw.issuer())
          .subject(claims.getSubject()).claim("sid", claims.getClaim("sid"))
          .expirationTime(Date.from(Instant.now().minusSeconds(600))).build());
      String[] parts = valid.split("\\.");
      String tampered = parts[0] + "." + parts[1] + "." + parts[2].substring(4) + "AAAA";
      String logout = Tokens.signLogout(gw.rsa, Tokens.logoutClaims(gw.issuer(),
          (String) claims.getClaim("sid"), claims.getSubject()).build());
      secrets.addAll(List.of(parts[1], parts[2], expired.split("\\.")[1],
          logout.split("\\.")[1], claims.getSubject(), (String) claims.getClaim("sid"),
          "rp-secret-0123456789abcdef"));

      gw.get("/api/x", "Bearer " + valid);
      gw.get("/api/x", "Bearer " + expired);
      gw.get("/api/x", "Bearer " + tampered);
      gw.get("/admin/x", "Bearer " + valid);
      gw.postForm("/backchannel-logout",
          MultiMap.caseInsensitiveMultiMap().add("logout_token", logout), null);
      gw.postForm("/backchannel-logout",
          MultiMap.caseInsensitiveMultiMap().add("logout_token", logout), null);
      gw.get("/api/x", "Bearer " + valid);
      gw.postForm("/introspect", MultiMap.caseInsensitiveMultiMap().add("token", valid),
          "Basic " + Base64.getEncoder().encodeToString(
              "rp:rp-secret-0123456789abcdeX".getBytes(StandardCharsets.UTF_8)));
    }

    String all = log.text();
    assertThat(all).contains("event=rejected", "reason=expired", "reason=invalid_signature",
        "reason=denied", "event=backchannel_logout", "event=logout_token_rejected");
    for (String secret : secrets) {
      assertThat(all).doesNotContain(secret);
    }
  }
}
