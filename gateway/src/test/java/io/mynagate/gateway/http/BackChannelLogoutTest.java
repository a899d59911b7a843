package io.mynagate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.mynagate.gateway.support.GatewayFixture;
import io.mynagate.gateway.support.LogCapture;
import io.mynagate.gateway.support.TestKeys;
import io.mynagate.gateway.support.Tokens;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OIDC Back-Channel Logout 1.0 with the in-memory store (a single gateway). */
class BackChannelLogoutTest {
  private static GatewayFixture gw;

  @BeforeAll
  static void start() {
    gw = GatewayFixture.start();
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  private static HttpResponse<Buffer> logout(String logoutToken) {
    return gw.postForm("/backchannel-logout",
        MultiMap.caseInsensitiveMultiMap().add("logout_token", logoutToken), null);
  }

  private static String logoutToken(JWTClaimsSet claims) {
    return Tokens.signLogout(gw.rsa, claims);
  }

  @Test
  void deniesTheLoggedOutSessionEvenWhenItsTokenIsCached() {
    JWTClaimsSet access = Tokens.accessClaims(gw.issuer()).build();
    String token = "Bearer " + Tokens.sign(gw.rsa, access);
    String otherSession = "Bearer " + Tokens.sign(gw.rsa, Tokens.accessClaims(gw.issuer())
        .subject(access.getSubject()).build());
    assertThat(gw.get("/api/x", token).statusCode()).isEqualTo(200);
    double denied = gw.rejections("denied");

    HttpResponse<Buffer> response = logout(logoutToken(Tokens.logoutClaims(gw.issuer(),
        (String) access.getClaim("sid"), access.getSubject()).build()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    HttpResponse<Buffer> after = gw.get("/api/x", token);
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(after.getHeader("WWW-Authenticate")).contains("error=\"invalid_token\"");
    assertThat(gw.rejections("denied")).isEqualTo(denied + 1);
    assertThat(gw.get("/api/x", otherSession).statusCode()).as("other session").isEqualTo(200);
  }

  @Test
  void deniesAllSessionsOfSubjectWhenLogoutTokenHasNoSid() {
    JWTClaimsSet access = Tokens.accessClaims(gw.issuer()).build();
    String token = "Bearer " + Tokens.sign(gw.rsa, access);

    assertThat(logout(logoutToken(Tokens.logoutClaims(gw.issuer(), null, access.getSubject())
        .build())).statusCode()).isEqualTo(200);

    assertThat(gw.get("/api/x", token).statusCode()).isEqualTo(401);
    assertThat(gw.get("/api/x", "Bearer " + Tokens.sign(gw.rsa, Tokens.accessClaims(gw.issuer())
        .subject(access.getSubject()).build())).statusCode()).isEqualTo(401);
  }

  @Test
  void rejectsReplayedLogoutToken() {
    String token = logoutToken(Tokens.logoutClaims(gw.issuer(), "sid-replay", "sub").build());
    assertThat(logout(token).statusCode()).isEqualTo(200);
    assertThat(logout(token).statusCode()).isEqualTo(400);
  }

  @Test
  void rejectsLogoutTokenWithNonce() {
    assertThat(logout(logoutToken(Tokens.logoutClaims(gw.issuer(), "s", "u")
        .claim("nonce", "n").build())).statusCode()).isEqualTo(400);
  }

  @Test
  void rejectsLogoutTokenWithoutLogoutEvent() {
    assertThat(logout(logoutToken(Tokens.logoutClaims(gw.issuer(), "s", "u")
        .claim("events", Map.of("urn:other", Map.of())).build())).statusCode()).isEqualTo(400);
  }

  @Test
  void rejectsLogoutTokenWithoutSidOrSub() {
    assertThat(logout(logoutToken(Tokens.logoutClaims(gw.issuer(), null, null).build()))
        .statusCode()).isEqualTo(400);
  }

  @Test
  void rejectsLogoutTokenWithNumericSubAndDeniesNothing() throws Exception {
    // RFC 7519 section 4.1.2: sub is a StringOrURI. Read as "12345", this token would log out
    // the subject whose sub is the string "12345".
    String access = "Bearer " + Tokens.sign(gw.rsa, Tokens.accessClaims(gw.issuer())
        .subject("12345").build());
    try (LogCapture log = LogCapture.start(LogoutHandler.class.getName())) {
      HttpResponse<Buffer> response = logout(logoutToken(Tokens.logoutClaims(gw.issuer(), null,
          null).claim("sub", 12345).build()));

      assertThat(response.statusCode()).isEqualTo(400);
      log.awaitLine(2000, "event=logout_token_rejected", "reason=missing_claim",
          "sub is not a string");
    }
    assertThat(gw.get("/api/x", access).statusCode()).as("subject \"12345\"").isEqualTo(200);
  }

  @Test
  void rejectsLogoutTokenForAnotherAudience() {
    assertThat(logout(logoutToken(Tokens.logoutClaims(gw.issuer(), "s", "u")
        .audience("someone-else").build())).statusCode()).isEqualTo(400);
  }

  @Test
  void rejectsLogoutTokenFromUnknownIssuer() {
    assertThat(logout(logoutToken(Tokens.logoutClaims("https://evil.example/realms/test", "s",
        "u").build())).statusCode()).isEqualTo(400);
  }

  @Test
  void rejectsLogoutTokenSignedByForeignKey() {
    String forged = Tokens.signLogout(TestKeys.rsa("rsa-1"),
        Tokens.logoutClaims(gw.issuer(), "s", "u").build());
    assertThat(logout(forged).statusCode()).isEqualTo(400);
  }

  @Test
  void rejectsStaleLogoutToken() {
    assertThat(logout(logoutToken(Tokens.logoutClaims(gw.issuer(), "s", "u")
        .issueTime(Date.from(Instant.now().minusSeconds(3600))).build())).statusCode())
        .isEqualTo(400);
  }

  @Test
  void rejectsAccessTokenPostedAsLogoutToken() {
    assertThat(logout(Tokens.sign(gw.rsa, Tokens.accessClaims(gw.issuer()).audience("gateway")
        .build())).statusCode()).isEqualTo(400);
  }

  @Test
  void rejectsRequestWithoutLogoutToken() {
    assertThat(gw.postForm("/backchannel-logout", MultiMap.caseInsensitiveMultiMap(), null)
        .statusCode()).isEqualTo(400);
  }
}
