package io.mynagate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mynagate.gateway.support.GatewayFixture;
import io.mynagate.gateway.support.TestKeys;
import io.mynagate.gateway.support.Tokens;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each forged or unacceptable token is refused, for the right reason, with the right header. */
class TokenRejectionTest {
  private static GatewayFixture gw;
  private static final RSAKey ATTACKER = TestKeys.rsa("attacker");

  private static final String OTHER_ISSUER = "http://127.0.0.1:2/realms/other";

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void start() {
    gw = GatewayFixture.start(f -> {
      // A second issuer (same keys, for brevity) and a route that accepts only the first one.
      ((List<Object>) f.config.get("issuers")).add(Map.of("issuer", OTHER_ISSUER,
          "jwksUri", f.jwks.url()));
      ((List<Object>) f.config.get("routes")).add(Map.of("pathPrefix", "/first-only/",
          "upstream", f.upstream.url(), "audience", "api", "issuer", f.issuer()));
    });
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  private static JWTClaimsSet.Builder claims() {
    return Tokens.accessClaims(gw.issuer());
  }

  private static String valid() {
    return Tokens.sign(gw.rsa, claims().build());
  }

  /** Sends the token to /api/x and checks status, challenge and the counted reason. */
  private static HttpResponse<Buffer> assertRejected(String token, String path, int status,
      String error, String reason) {
    double before = gw.rejections(reason);
    HttpResponse<Buffer> response = gw.get(path, "Bearer " + token);
    assertThat(response.statusCode()).as("status").isEqualTo(status);
    assertThat(response.getHeader("WWW-Authenticate"))
        .startsWith("Bearer realm=\"myna-gateway\"").contains("error=\"" + error + "\"");
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo(error);
    assertThat(gw.rejections(reason)).as("rejections{reason=%s}", reason).isEqualTo(before + 1);
    return response;
  }

  private static void assertInvalidToken(String token, String reason) {
    assertRejected(token, "/api/x", 401, "invalid_token", reason);
  }

  @Test
  void forwardsValidRs256TokenWithIdentityHeadersOnly() {
    JWTClaimsSet c = claims().build();
    MultiMap forged = MultiMap.caseInsensitiveMultiMap()
        .add("X-Auth-Subject", "admin").add("X-Remote-User", "admin")
        .add("Connection", "close, X-Secret-Hop").add("X-Secret-Hop", "1");
    HttpResponse<Buffer> response = gw.request(HttpMethod.GET, "/api/accounts?x=1",
        "Bearer " + Tokens.sign(gw.rsa, c), forged);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject seen = response.bodyAsJsonObject();
    assertThat(seen.getString("uri")).isEqualTo("/api/accounts?x=1");
    JsonObject headers = seen.getJsonObject("headers");
    assertThat(headers.getString("x-auth-subject")).isEqualTo(c.getSubject());
    assertThat(headers.getString("x-auth-scope")).isEqualTo("openid read");
    assertThat(headers.getString("x-auth-acr")).isEqualTo("urn:test:acr:card");
    assertThat(headers.getString("x-auth-issuer")).isEqualTo(gw.issuer());
    assertThat(headers.fieldNames()).doesNotContain("authorization", "x-remote-user",
        "x-secret-hop");
    assertThat(response.getHeader("X-Upstream-Hop")).isNull();
  }

  @Test
  void forwardsValidEs256Token() {
    assertThat(gw.get("/api/x", "Bearer " + Tokens.sign(gw.ec, claims().build())).statusCode())
        .isEqualTo(200);
  }

  @Test
  void forwardsValidPs256Token() {
    String token = Tokens.sign(gw.rsa, JWSAlgorithm.PS256, claims().build(), h -> h);
    assertThat(gw.get("/api/x", "Bearer " + token).statusCode()).isEqualTo(200);
  }

  @Test
  void rejectsRs512OutsideTheIssuerAllowlist() {
    // RS512 is a sound algorithm, but this issuer only allows RS256, PS256 and ES256.
    assertInvalidToken(Tokens.sign(gw.rsa, JWSAlgorithm.RS512, claims().build(), h -> h),
        "algorithm_not_allowed");
  }

  @Test
  void answersRepeatedTokenFromCache() {
    String token = valid();
    assertThat(gw.get("/api/x", "Bearer " + token).statusCode()).isEqualTo(200);
    double hits = gw.metric("gateway_token_cache_total\\{result=\"hit\"\\}");
    assertThat(gw.get("/api/x", "Bearer " + token).statusCode()).isEqualTo(200);
    assertThat(gw.metric("gateway_token_cache_total\\{result=\"hit\"\\}")).isEqualTo(hits + 1);
  }

  @Test
  void challengesRequestWithoutToken() {
    HttpResponse<Buffer> response = gw.get("/api/x", null);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().getAll("WWW-Authenticate"))
        .containsExactly("Bearer realm=\"myna-gateway\"", "DPoP algs=\"ES256 PS256 RS256\"");
  }

  @Test
  void rejectsAlgNone() {
    String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
    String payload = Base64URL.encode(claims().build().toString()).toString();
    assertInvalidToken(header + "." + payload + ".", "algorithm_not_allowed");
  }

  @Test
  void rejectsHs256SignedWithThePublicKey() throws Exception {
    byte[] publicKey = gw.rsa.toRSAPublicKey().getEncoded();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
        .keyID(gw.rsa.getKeyID()).build(), claims().build());
    jwt.sign(new MACSigner(publicKey));
    assertInvalidToken(jwt.serialize(), "algorithm_not_allowed");
  }

  @Test
  void rejectsUnknownKid() {
    assertInvalidToken(Tokens.sign(ATTACKER, claims().build()), "unknown_key");
  }

  @Test
  void acceptsTokenWithoutKidWhenExactlyOneIssuerKeyFitsItsAlg() {
    // The JWKS has one RSA and one EC key: an RS256 token without kid can only mean the RSA key.
    assertThat(gw.get("/api/x", "Bearer " + Tokens.sign(gw.rsa, claims().build(),
        h -> h.keyID(null))).statusCode()).isEqualTo(200);
  }

  @Test
  void rejectsJkuHeader() {
    assertInvalidToken(Tokens.sign(ATTACKER, claims().build(),
        h -> h.jwkURL(URI.create("https://attacker.example/jwks"))), "embedded_key");
  }

  @Test
  void rejectsX5uHeader() {
    assertInvalidToken(Tokens.sign(ATTACKER, claims().build(),
        h -> h.x509CertURL(URI.create("https://attacker.example/cert.pem"))), "embedded_key");
  }

  @Test
  void rejectsEmbeddedJwkHeader() {
    assertInvalidToken(Tokens.sign(ATTACKER, claims().build(),
        h -> h.jwk(ATTACKER.toPublicJWK())), "embedded_key");
  }

  @Test
  void rejectsX5cHeader() throws Exception {
    Base64 cert = Base64.encode(ATTACKER.toRSAPublicKey().getEncoded());
    assertInvalidToken(Tokens.sign(ATTACKER, claims().build(),
        h -> h.x509CertChain(List.of(cert))), "embedded_key");
  }

  @Test
  void rejectsUnknownCriticalHeader() {
    assertInvalidToken(Tokens.sign(gw.rsa, claims().build(),
        h -> h.customParam("x-policy", "strict").criticalParams(Set.of("x-policy"))),
        "unsupported_critical_header");
  }

  @Test
  void rejectsLogoutTokenUsedAsAccessToken() {
    assertInvalidToken(Tokens.sign(gw.rsa, claims().build(),
        h -> h.type(new JOSEObjectType("logout+jwt"))), "wrong_token_type");
  }

  @Test
  void rejectsTamperedPayload() {
    String[] parts = valid().split("\\.");
    String forged = Base64URL.encode(claims().claim("scope", "read admin").build().toString()
        .getBytes(StandardCharsets.UTF_8)).toString();
    assertInvalidToken(parts[0] + "." + forged + "." + parts[2], "invalid_signature");
  }

  @Test
  void rejectsValidlySignedClaimsWithADuplicateMember() throws Exception {
    // Two parsers could read a duplicated sub differently; the token is refused, not guessed at.
    String json = claims().build().toString();
    String duplicated = json.substring(0, json.length() - 1) + ",\"sub\":\"someone-else\"}";
    com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(gw.rsa.getKeyID())
            .type(JOSEObjectType.JWT).build(),
        new com.nimbusds.jose.Payload(duplicated));
    jws.sign(Tokens.signer(gw.rsa));
    assertInvalidToken(jws.serialize(), "malformed_token");
  }

  @Test
  void rejectsValidlySignedTokenWithNumericSub() {
    // RFC 7519 section 4.1.2: sub is a StringOrURI; Nimbus alone would read 12345 as "12345".
    assertInvalidToken(Tokens.sign(gw.rsa, claims().claim("sub", 12345).build()),
        "missing_claim");
  }

  @Test
  void rejectsValidlySignedTokenWithArraySub() {
    assertInvalidToken(Tokens.sign(gw.rsa, claims().claim("sub", List.of("a", "b")).build()),
        "missing_claim");
  }

  @Test
  void rejectsSignatureByKeyOfOtherKid() {
    // Signed by the attacker but naming the issuer's kid: key selection works, signature fails.
    assertInvalidToken(Tokens.sign(ATTACKER, claims().build(), h -> h.keyID("rsa-1")),
        "invalid_signature");
  }

  @Test
  void rejectsWrongAudience() {
    assertInvalidToken(Tokens.sign(gw.rsa, claims().audience("other-api").build()),
        "wrong_audience");
  }

  @Test
  void rejectsWrongIssuer() {
    assertInvalidToken(Tokens.sign(gw.rsa, claims().issuer("https://evil.example/realms/test")
        .build()), "unknown_issuer");
  }

  @Test
  void acceptsTokenOfAnyConfiguredIssuerOnAnUnboundRoute() {
    assertThat(gw.get("/api/x", "Bearer " + Tokens.sign(gw.rsa, Tokens.accessClaims(OTHER_ISSUER)
        .build())).statusCode()).isEqualTo(200);
  }

  @Test
  void rejectsTokenOfAnotherIssuerOnARouteBoundToOneIssuer() {
    assertRejected(Tokens.sign(gw.rsa, Tokens.accessClaims(OTHER_ISSUER).build()),
        "/first-only/x", 401, "invalid_token", "unknown_issuer");
  }

  @Test
  void rejectsExpiredToken() {
    assertInvalidToken(Tokens.sign(gw.rsa, claims()
        .expirationTime(Date.from(Instant.now().minusSeconds(60))).build()), "expired");
  }

  @Test
  void acceptsTokenExpiredWithinClockSkew() {
    String token = Tokens.sign(gw.rsa, claims()
        .expirationTime(Date.from(Instant.now().minusSeconds(2))).build());
    assertThat(gw.get("/api/x", "Bearer " + token).statusCode()).isEqualTo(200);
  }

  @Test
  void rejectsTokenWithoutExp() {
    assertInvalidToken(Tokens.sign(gw.rsa, claims().expirationTime(null).build()),
        "missing_claim");
  }

  @Test
  void rejectsNotYetValidToken() {
    assertInvalidToken(Tokens.sign(gw.rsa, claims()
        .notBeforeTime(Date.from(Instant.now().plusSeconds(60))).build()), "not_yet_valid");
  }

  @Test
  void rejectsTokenIssuedInTheFuture() {
    assertInvalidToken(Tokens.sign(gw.rsa, claims()
        .issueTime(Date.from(Instant.now().plusSeconds(60))).build()), "issued_in_future");
  }

  @Test
  void rejectsMissingScopeWith403() {
    HttpResponse<Buffer> response = assertRejected(valid(), "/admin/x", 403,
        "insufficient_scope", "insufficient_scope");
    assertThat(response.getHeader("WWW-Authenticate")).contains("scope=\"admin\"");
  }

  @Test
  void rejectsInsufficientAcrAsStepUp() {
    HttpResponse<Buffer> response = assertRejected(valid(), "/strong/x", 401,
        "insufficient_user_authentication", "insufficient_acr");
    assertThat(response.getHeader("WWW-Authenticate"))
        .contains("acr_values=\"urn:test:acr:high\"");
  }

  @Test
  void acceptsRequiredAcr() {
    String token = Tokens.sign(gw.rsa, claims().claim("acr", "urn:test:acr:high").build());
    assertThat(gw.get("/strong/x", "Bearer " + token).statusCode()).isEqualTo(200);
  }

  @Test
  void rejectsMalformedToken() {
    assertInvalidToken("not-a-jwt", "malformed_token");
  }

  @Test
  void answers404OutsideRoutes() {
    Supplier<Integer> status = () -> gw.get("/apix", "Bearer " + valid()).statusCode();
    assertThat(status.get()).isEqualTo(404);
  }
}
