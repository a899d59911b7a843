package io.mynagate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.mynagate.gateway.support.GatewayFixture;
import io.mynagate.gateway.support.Tokens;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 7662 introspection answered from local validation. */
class IntrospectionTest {
  private static final String RP = basic("rp", "rp-secret-0123456789abcdef");
  private static GatewayFixture gw;

  @BeforeAll
  static void start() {
    gw = GatewayFixture.start();
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  private static String basic(String id, String secret) {
    return "Basic " + Base64.getEncoder()
        .encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResponse<Buffer> introspect(String token, String auth) {
    return gw.postForm("/introspect", MultiMap.caseInsensitiveMultiMap().add("token", token),
        auth);
  }

  @Test
  void reportsValidTokenActiveWithItsClaims() {
    JWTClaimsSet claims = Tokens.accessClaims(gw.issuer()).build();
    HttpResponse<Buffer> response = introspect(Tokens.sign(gw.rsa, claims), RP);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getBoolean("active")).isTrue();
    assertThat(body.getString("sub")).isEqualTo(claims.getSubject());
    assertThat(body.getString("scope")).isEqualTo("openid read");
    assertThat(body.getString("client_id")).isEqualTo("bank");
    assertThat(body.getString("token_type")).isEqualTo("Bearer");
    assertThat(body.getLong("exp")).isEqualTo(claims.getExpirationTime().getTime() / 1000);
  }

  @Test
  void reportsExpiredTokenInactive() {
    String token = Tokens.sign(gw.rsa, Tokens.accessClaims(gw.issuer())
        .expirationTime(Date.from(Instant.now().minusSeconds(600))).build());
    assertThat(introspect(token, RP).bodyAsJsonObject().encode()).isEqualTo("{\"active\":false}");
  }

  @Test
  void reportsTamperedTokenInactive() {
    String[] parts = Tokens.sign(gw.rsa, Tokens.accessClaims(gw.issuer()).build()).split("\\.");
    String token = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + "AAAA"
        + parts[2].substring(14);
    assertThat(introspect(token, RP).bodyAsJsonObject().getBoolean("active")).isFalse();
  }

  @Test
  void reportsGarbageInactive() {
    assertThat(introspect("garbage", RP).bodyAsJsonObject().getBoolean("active")).isFalse();
  }

  @Test
  void refusesUnauthenticatedClient() {
    HttpResponse<Buffer> response = introspect("x", null);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate")).startsWith("Basic");
  }

  @Test
  void refusesWrongClientSecret() {
    assertThat(introspect("x", basic("rp", "rp-secret-0123456789abcdeX")).statusCode())
        .isEqualTo(401);
  }

  @Test
  void acceptsClientCredentialsEncodedOtherwise() {
    // Lower-case scheme and a percent-encoded client id: decoded, then compared.
    String auth = "basic " + Base64.getEncoder().encodeToString(
        "%72p:rp-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    String token = Tokens.sign(gw.rsa, Tokens.accessClaims(gw.issuer()).build());
    HttpResponse<Buffer> response = introspect(token, auth);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getBoolean("active")).isTrue();
  }

  @Test
  void answersListAudiencesAndBoundTokensAsJson() {
    String token = Tokens.sign(gw.rsa, Tokens.accessClaims(gw.issuer())
        .audience(java.util.List.of("bank", "visa")).claim("acr", "a\"quoted\\acr")
        .claim("cnf", java.util.Map.of("jkt", "thumb")).build());
    JsonObject body = introspect(token, RP).bodyAsJsonObject();
    assertThat(body.getBoolean("active")).isTrue();
    assertThat(body.getJsonArray("aud").getList()).containsExactly("bank", "visa");
    assertThat(body.getString("acr")).isEqualTo("a\"quoted\\acr");
    assertThat(body.getJsonObject("cnf").getString("jkt")).isEqualTo("thumb");
    assertThat(body.getString("token_type")).isEqualTo("DPoP");
  }

  @Test
  void refusesATokenParameterSentTwice() {
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("token", "a").add("token", "b");
    assertThat(gw.postForm("/introspect", form, RP).statusCode()).isEqualTo(400);
  }

  @Test
  void refusesAFormOverTheLimit() {
    String huge = "x".repeat(70 * 1024);
    assertThat(introspect(huge, RP).statusCode()).isEqualTo(413);
  }

  @Test
  void refusesAChunkedFormOverTheLimit() {
    io.vertx.core.http.HttpClient raw = gw.vertx.createHttpClient();
    try {
      int status = raw.request(io.vertx.core.http.HttpMethod.POST, gw.port(), "127.0.0.1",
              "/introspect")
          .compose(request -> {
            request.setChunked(true).putHeader("Content-Type", "application/x-www-form-urlencoded")
                .putHeader("Authorization", RP);
            for (int i = 0; i < 70; i++) {
              request.write("x".repeat(1024));
            }
            return request.send();
          })
          .map(io.vertx.core.http.HttpClientResponse::statusCode)
          .await();
      assertThat(status).isEqualTo(413);
    } finally {
      raw.close();
    }
  }

  @Test
  void refusesABodyThatIsNoForm() {
    HttpResponse<Buffer> response = gw.client.post(gw.port(), "127.0.0.1", "/introspect")
        .putHeader("Authorization", RP)
        .sendJsonObject(new JsonObject().put("token", "x")).await();
    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void answersOtherMethodsWith405() {
    HttpResponse<Buffer> response = gw.get("/introspect", RP);
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.getHeader("Allow")).isEqualTo("POST");
  }

  @Test
  void refusesRequestWithoutToken() {
    assertThat(gw.postForm("/introspect", MultiMap.caseInsensitiveMultiMap(), RP).statusCode())
        .isEqualTo(400);
  }
}
