package io.mynagate.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.gateway.support.GatewayFixture;
import io.mynagate.gateway.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code crypto: BC} verifies with Bouncy Castle: same answers as the JDK provider. */
class BouncyCastleProviderTest {
  private static GatewayFixture gw;

  @BeforeAll
  static void start() {
    gw = GatewayFixture.start(f -> f.config.put("crypto", "BC"));
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  @Test
  void acceptsRs256AndEs256() {
    assertThat(gw.get("/api/x", "Bearer " + Tokens.sign(gw.rsa,
        Tokens.accessClaims(gw.issuer()).build())).statusCode()).isEqualTo(200);
    assertThat(gw.get("/api/x", "Bearer " + Tokens.sign(gw.ec,
        Tokens.accessClaims(gw.issuer()).build())).statusCode()).isEqualTo(200);
  }

  @Test
  void rejectsTamperedEs256Signature() {
    String[] parts = Tokens.sign(gw.ec, Tokens.accessClaims(gw.issuer()).build()).split("\\.");
    String other = Tokens.sign(gw.ec, Tokens.accessClaims(gw.issuer()).build()).split("\\.")[2];
    assertThat(gw.get("/api/x", "Bearer " + parts[0] + "." + parts[1] + "." + other)
        .statusCode()).isEqualTo(401);
    assertThat(gw.rejections("invalid_signature")).isEqualTo(1);
  }
}
