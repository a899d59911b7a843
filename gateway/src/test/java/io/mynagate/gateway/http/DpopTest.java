package io.mynagate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mynagate.gateway.dpop.DpopVerifier;
import io.mynagate.gateway.support.GatewayFixture;
import io.mynagate.gateway.support.TestKeys;
import io.mynagate.gateway.support.Tokens;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DPoP-bound tokens (RFC 9449): the proof must match the key, the request and the token. */
class DpopTest {
  private static GatewayFixture gw;
  private static final ECKey CLIENT_KEY = TestKeys.ec("client");
  private static String token;

  @BeforeAll
  static void start() throws Exception {
    gw = GatewayFixture.start();
    token = Tokens.sign(gw.rsa, Tokens.accessClaims(gw.issuer())
        .claim("cnf", Map.of("jkt", CLIENT_KEY.computeThumbprint().toString())).build());
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + gw.port() + path;
  }

  private static JWTClaimsSet.Builder proofClaims(String htm, String path) {
    return new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
        .claim("htm", htm).claim("htu", url(path)).issueTime(new Date())
        .claim("ath", DpopVerifier.ath(token));
  }

  private static String proof(ECKey key, JWTClaimsSet claims,
      UnaryOperator<JWSHeader.Builder> header) throws Exception {
    SignedJWT jwt = new SignedJWT(header.apply(new JWSHeader.Builder(JWSAlgorithm.ES256)
        .type(new JOSEObjectType("dpop+jwt")).jwk(key.toPublicJWK())).build(), claims);
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  private static String proof(JWTClaimsSet claims) throws Exception {
    return proof(CLIENT_KEY, claims, h -> h);
  }

  private static HttpResponse<Buffer> call(String scheme, String proof) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (proof != null) {
      headers.add("DPoP", proof);
    }
    return gw.request(HttpMethod.GET, "/api/x", scheme + " " + token, headers);
  }

  private static void assertInvalidProof(String proof) {
    HttpResponse<Buffer> response = call("DPoP", proof);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate")).startsWith("DPoP ")
        .contains("error=\"invalid_dpop_proof\"").contains("algs=\"ES256 PS256 RS256\"");
  }

  @Test
  void acceptsValidProof() throws Exception {
    assertThat(call("DPoP", proof(proofClaims("GET", "/api/x").build())).statusCode())
        .isEqualTo(200);
  }

  @Test
  void rejectsBoundTokenSentAsBearer() throws Exception {
    HttpResponse<Buffer> response = call("Bearer", proof(proofClaims("GET", "/api/x").build()));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate")).startsWith("DPoP ")
        .contains("error=\"invalid_token\"");
  }

  @Test
  void rejectsMissingProof() {
    assertInvalidProof(null);
  }

  @Test
  void rejectsProofFromAnotherKey() throws Exception {
    assertInvalidProof(proof(TestKeys.ec("thief"), proofClaims("GET", "/api/x").build(),
        h -> h));
  }

  @Test
  void rejectsProofWithWrongType() throws Exception {
    assertInvalidProof(proof(CLIENT_KEY, proofClaims("GET", "/api/x").build(),
        h -> h.type(JOSEObjectType.JWT)));
  }

  @Test
  void rejectsProofForAnotherMethod() throws Exception {
    assertInvalidProof(proof(proofClaims("POST", "/api/x").build()));
  }

  @Test
  void rejectsProofForAnotherUri() throws Exception {
    assertInvalidProof(proof(proofClaims("GET", "/api/other").build()));
  }

  @Test
  void rejectsStaleProof() throws Exception {
    assertInvalidProof(proof(proofClaims("GET", "/api/x")
        .issueTime(Date.from(Instant.now().minusSeconds(600))).build()));
  }

  @Test
  void rejectsProofForAnotherToken() throws Exception {
    assertInvalidProof(proof(proofClaims("GET", "/api/x").claim("ath", "AAAA").build()));
  }

  @Test
  void rejectsReplayedProof() throws Exception {
    String proof = proof(proofClaims("GET", "/api/x").build());
    assertThat(call("DPoP", proof).statusCode()).isEqualTo(200);
    double replays = gw.rejections("dpop_replay");
    assertInvalidProof(proof);
    assertThat(gw.rejections("dpop_replay")).isEqualTo(replays + 1);
  }

  @Test
  void rejectsDpopSchemeWithUnboundToken() {
    String unbound = Tokens.sign(gw.rsa, Tokens.accessClaims(gw.issuer()).build());
    assertThat(gw.get("/api/x", "DPoP " + unbound).statusCode()).isEqualTo(400);
  }
}
