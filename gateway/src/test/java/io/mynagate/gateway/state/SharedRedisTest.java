package io.mynagate.gateway.state;

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
import io.mynagate.gateway.support.RedisSupport;
import io.mynagate.gateway.support.SharedDenyList;
import io.mynagate.gateway.support.TestKeys;
import io.mynagate.gateway.support.Tokens;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two in-process gateways sharing the real Redis on 127.0.0.1:6379 (fails, not skips, without it).
 * Process-level propagation timing is in {@code LogoutPropagationIT}.
 */
class SharedRedisTest {
  private static GatewayFixture a;
  private static GatewayFixture b;
  private static String prefix;

  @BeforeAll
  static void start() {
    prefix = RedisSupport.uniquePrefix();
    a = GatewayFixture.start(f -> {
      f.config.put("redis", RedisSupport.config(RedisSupport.URI, prefix, "closed"));
      f.config.put("logout", Map.of("denyFor", "120s"));
    });
    b = GatewayFixture.start(f -> {
      f.config.put("redis", RedisSupport.config(RedisSupport.URI, prefix, "closed"));
      f.config.put("logout", Map.of("denyFor", "120s"));
      f.issuerConfig().put("jwksUri", a.jwks.url());
    });
  }

  @AfterAll
  static void stop() {
    b.close();
    a.close();
  }

  @Test
  void bothInstancesReachRedis() {
    assertThat(a.get("/health", null).bodyAsJsonObject().getJsonObject("store").encode())
        .isEqualTo("{\"kind\":\"redis\",\"reachable\":true}");
    assertThat(b.get("/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void logoutAtOneInstanceIsEnforcedByTheOther() throws Exception {
    SharedDenyList.assertLogoutIsEnforcedByTheOther(a, b);
  }

  @Test
  void instanceStartedAfterALogoutEnforcesIt() {
    JWTClaimsSet claims = Tokens.accessClaims(a.issuer()).build();
    String token = "Bearer " + Tokens.sign(a.rsa, claims);
    String logout = Tokens.signLogout(a.rsa, Tokens.logoutClaims(a.issuer(),
        (String) claims.getClaim("sid"), claims.getSubject()).build());
    assertThat(a.postForm("/backchannel-logout",
        MultiMap.caseInsensitiveMultiMap().add("logout_token", logout), null).statusCode())
        .isEqualTo(200);

    try (GatewayFixture late = GatewayFixture.start(f -> {
      f.config.put("redis", RedisSupport.config(RedisSupport.URI, prefix, "closed"));
      f.issuerConfig().put("jwksUri", a.jwks.url());
    })) {
      assertThat(late.get("/api/x", token).statusCode()).isEqualTo(401);
      assertThat(late.rejections("denied")).isEqualTo(1);
    }
  }

  @Test
  void logoutTokenReplayedAtAnotherInstanceIsRejected() {
    String logout = Tokens.signLogout(a.rsa,
        Tokens.logoutClaims(a.issuer(), "sid-" + UUID.randomUUID(), "sub").build());
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("logout_token", logout);
    assertThat(a.postForm("/backchannel-logout", form, null).statusCode()).isEqualTo(200);
    assertThat(b.postForm("/backchannel-logout", form, null).statusCode()).isEqualTo(400);
  }

  @Test
  void dpopProofReplayedAtAnotherInstanceIsRejected() throws Exception {
    ECKey client = TestKeys.ec("client");
    String token = Tokens.sign(a.rsa, Tokens.accessClaims(a.issuer())
        .claim("cnf", Map.of("jkt", client.computeThumbprint().toString())).build());
    // Both instances are reached under the same name, as behind a load balancer.
    String htu = "http://gateway.example/api/x";
    SignedJWT proof = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
        .type(new JOSEObjectType("dpop+jwt")).jwk(client.toPublicJWK()).build(),
        new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString()).claim("htm", "GET")
            .claim("htu", htu).issueTime(new Date()).claim("ath", DpopVerifier.ath(token))
            .build());
    proof.sign(new ECDSASigner(client));
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("DPoP", proof.serialize())
        .add("Host", "gateway.example");

    assertThat(a.request(HttpMethod.GET, "/api/x", "DPoP " + token, headers).statusCode())
        .isEqualTo(200);
    assertThat(b.request(HttpMethod.GET, "/api/x", "DPoP " + token, headers).statusCode())
        .isEqualTo(401);
    assertThat(b.rejections("dpop_replay")).isEqualTo(1);
  }
}
