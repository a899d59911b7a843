package io.mynagate.gateway.perf;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mynagate.gateway.config.GatewayConfig;
import io.mynagate.gateway.jwks.IssuerKeys;
import io.mynagate.gateway.jwks.VerificationProviders;
import io.mynagate.gateway.metrics.GatewayMetrics;
import io.mynagate.gateway.token.AccessTokenVerifier;
import io.mynagate.gateway.token.JwsHeaderPolicy;
import io.mynagate.gateway.token.TokenCache;
import io.mynagate.gateway.token.VerifiedToken;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntPredicate;

/**
 * Times the token-verification path in process, single thread: full verification (cache off),
 * cache hits, and its parts (header policy, claims parse, signature). Prints microseconds per
 * operation. Run by hand: {@code java -cp gateway/target/test-classes:gateway/target/classes:
 * gateway/target/lib/* io.mynagate.gateway.perf.VerifyPathHarness [seconds]}.
 */
public final class VerifyPathHarness {
  private static final String ISS = "https://idp.example/realms/bench";

  private VerifyPathHarness() {}

  /**
   * @param args optional seconds per measurement (default 3)
   * @throws Exception on setup failure
   */
  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").keyUse(KeyUse.SIGNATURE)
        .algorithm(JWSAlgorithm.RS256).generate();
    RSASSASigner signer = new RSASSASigner(key);
    List<String> tokens = new ArrayList<>();
    Instant now = Instant.now();
    for (int i = 0; i < 500; i++) {
      JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISS).audience(List.of("bank", "account"))
          .subject(UUID.randomUUID().toString()).expirationTime(Date.from(now.plusSeconds(28800)))
          .issueTime(Date.from(now)).jwtID(UUID.randomUUID().toString())
          .claim("sid", UUID.randomUUID().toString()).claim("scope", "openid profile accounts")
          .claim("acr", "1").claim("azp", "bench-client").claim("typ", "Bearer").build();
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1")
          .type(JOSEObjectType.JWT).build(), claims);
      jwt.sign(signer);
      tokens.add(jwt.serialize());
    }
    JWKSet jwks = new JWKSet(key.toPublicJWK());
    GatewayConfig.Issuer issuer = new GatewayConfig.Issuer(ISS, URI.create("http://unused/"),
        Set.of("RS256", "PS256", "ES256"), Duration.ofSeconds(30), Duration.ofMinutes(5),
        Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofSeconds(5), Set.of());
    Vertx vertx = Vertx.vertx();
    GatewayMetrics metrics = new GatewayMetrics();
    IssuerKeys keys = new IssuerKeys(issuer, () -> Future.succeededFuture(jwks), Clock.systemUTC(),
        VerificationProviders.of(GatewayConfig.CryptoProvider.JDK), metrics, (i, k) -> { });
    keys.start(vertx).await();
    AccessTokenVerifier uncached = new AccessTokenVerifier(Map.of(ISS, keys),
        new TokenCache(0, 300_000, Clock.systemUTC()), Clock.systemUTC(), metrics);
    AccessTokenVerifier cached = new AccessTokenVerifier(Map.of(ISS, keys),
        new TokenCache(100_000, 300_000, Clock.systemUTC()), Clock.systemUTC(), metrics);
    JwsHeaderPolicy policy = new JwsHeaderPolicy(Set.of("RS256", "PS256", "ES256"),
        AccessTokenVerifier.ACCESS_TOKEN_TYPES, false);
    RSASSAVerifier nimbus = new RSASSAVerifier(key.toRSAPublicKey());
    List<SignedJWT> parsed = new ArrayList<>();
    for (String t : tokens) {
      parsed.add(SignedJWT.parse(t));
    }
    int n = tokens.size();
    for (int round = 0; round < 2; round++) {
      System.out.println("round " + round);
      time("verify, cache off", seconds, i -> ok(uncached.verify(tokens.get(i % n))));
      time("verify, cache hit", seconds, i -> ok(cached.verify(tokens.get(i % n))));
      time("header policy (parse)", seconds, i -> policy.check(tokens.get(i % n)) != null);
      time("claims parse", seconds, i -> claimsOf(tokens.get(i % n)) != null);
      time("nimbus verify (parsed)", seconds, i -> verify(parsed.get(i % n), nimbus));
      time("jca new Signature+verify", seconds, i -> jca(fresh(key), parsed.get(i % n)));
      java.security.Signature reused = fresh(key);
      time("jca reused Signature", seconds, i -> jca(reused, parsed.get(i % n)));
      time("nimbus b64 decode sig", seconds, i -> parsed.get(i % n).getSignature().decode() != null);
      time("jdk b64 decode sig", seconds, i -> java.util.Base64.getUrlDecoder()
          .decode(parsed.get(i % n).getSignature().toString()) != null);
      time("token68 table", seconds, i -> isToken68Table(tokens.get(i % n)));
      time("token68 loop", seconds, i -> isToken68(tokens.get(i % n)));
      time("metrics accepted+latency", seconds, i -> {
        metrics.accepted();
        metrics.latency(System.nanoTime() - 2_000_000);
        return true;
      });
      time("metrics cacheLookup", seconds, i -> {
        metrics.cacheLookup(true);
        return true;
      });
      time("sha-256 key", seconds, i -> TokenCache.keyOf(tokens.get(i % n)) != null);
    }
    vertx.close();
  }

  /** Copy of the gateway's token68 check, to time it alone. */
  static boolean isToken68(String s) {
    int len = s.length();
    int i = 0;
    while (i < len && isToken68Char(s.charAt(i))) {
      i++;
    }
    if (i == 0) {
      return false;
    }
    while (i < len && s.charAt(i) == '=') {
      i++;
    }
    return i == len;
  }

  private static final boolean[] T68 = new boolean[128];

  static {
    for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/".toCharArray()) {
      T68[c] = true;
    }
  }

  static boolean isToken68Table(String s) {
    int len = s.length();
    int i = 0;
    while (i < len && s.charAt(i) < 128 && T68[s.charAt(i)]) {
      i++;
    }
    if (i == 0) {
      return false;
    }
    while (i < len && s.charAt(i) == '=') {
      i++;
    }
    return i == len;
  }

  private static boolean isToken68Char(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
        || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
  }

  private static java.security.Signature fresh(RSAKey key) {
    try {
      java.security.Signature s = java.security.Signature.getInstance("SHA256withRSA");
      s.initVerify(key.toRSAPublicKey());
      return s;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean jca(java.security.Signature s, SignedJWT jwt) {
    try {
      s.update(jwt.getSigningInput());
      return s.verify(jwt.getSignature().decode());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean ok(Future<VerifiedToken> f) {
    if (!f.succeeded()) {
      throw new IllegalStateException("not verified: " + f.cause());
    }
    return true;
  }

  private static JWTClaimsSet claimsOf(String token) {
    try {
      return SignedJWT.parse(token).getJWTClaimsSet();
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean verify(SignedJWT jwt, RSASSAVerifier v) {
    try {
      return jwt.verify(v);
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void time(String name, double seconds, IntPredicate op) {
    // Thread CPU time, not wall time: the machine is shared and the wall clock includes waiting.
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long end = mx.getCurrentThreadCpuTime() + (long) (seconds * 1e9);
    int i = 0;
    long start = mx.getCurrentThreadCpuTime();
    long t;
    do {
      for (int j = 0; j < 100; j++) {
        if (!op.test(i++)) {
          throw new IllegalStateException(name + " failed");
        }
      }
      t = mx.getCurrentThreadCpuTime();
    } while (t < end);
    System.out.printf("  %-26s %8.2f us cpu/op  (%d ops)%n", name, (t - start) / 1e3 / i, i);
  }
}
