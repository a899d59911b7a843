package io.mynagate.gateway.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Signs access tokens shaped like Keycloak's (RFC 9068 claims plus {@code sid}, {@code acr},
 * {@code scope}) with a fresh key. Thread-safe: tokens are minted in parallel.
 */
final class TokenMint {

  private final JWK key;
  private final JWSSigner signer;
  private final JWSAlgorithm algorithm;
  private final String issuer;
  private final String audience;
  private final String scope;
  private final String acr;
  private final Duration lifetime;

  private TokenMint(Builder builder) throws JOSEException {
    this.algorithm = JWSAlgorithm.parse(builder.algorithm);
    this.key = builder.key != null && fits(builder.key, algorithm) ? builder.key
        : generate(algorithm);
    this.signer = JWSAlgorithm.Family.EC.contains(algorithm)
        ? new ECDSASigner(key.toECKey()) : new RSASSASigner(key.toRSAKey());
    this.issuer = builder.issuer;
    this.audience = builder.audience;
    this.scope = builder.scope;
    this.acr = builder.acr;
    this.lifetime = builder.lifetime;
  }

  private static JWK generate(JWSAlgorithm algorithm) throws JOSEException {
    String kid = "bench-" + UUID.randomUUID();
    if (JWSAlgorithm.ES256.equals(algorithm)) {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE)
          .algorithm(algorithm).generate();
    }
    if (JWSAlgorithm.Family.RSA.contains(algorithm)) {
      return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE)
          .algorithm(algorithm).generate();
    }
    throw new IllegalArgumentException("unsupported benchmark alg: " + algorithm
        + " (use RS256, PS256 or ES256)");
  }

  private static boolean fits(JWK key, JWSAlgorithm algorithm) {
    return key.isPrivate() && algorithm.equals(key.getAlgorithm());
  }

  static Builder builder() {
    return new Builder();
  }

  /** The public half of the signing key, as served at the JWKS endpoint. */
  JWKSet publicJwks() {
    return new JWKSet(key.toPublicJWK());
  }

  JWSAlgorithm algorithm() {
    return algorithm;
  }

  /** The private signing key, so a later run can reuse the key and its token pool. */
  JWK privateKey() {
    return key;
  }

  /**
   * Whether {@code token} was minted by this mint's key and settings and is still valid for at
   * least {@code remaining}: then a saved pool can be reused instead of signing it again.
   */
  boolean minted(String token, Instant now, Duration remaining) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      return key.getKeyID().equals(jwt.getHeader().getKeyID())
          && algorithm.equals(jwt.getHeader().getAlgorithm())
          && issuer.equals(claims.getIssuer())
          && List.of(audience).equals(claims.getAudience())
          && scope.equals(claims.getClaim("scope"))
          && acr.equals(claims.getClaim("acr"))
          && claims.getExpirationTime() != null
          && claims.getExpirationTime().toInstant().isAfter(now.plus(remaining));
    } catch (java.text.ParseException e) {
      return false;
    }
  }

  /**
   * Mints one token. Every token gets its own {@code jti} and {@code sid}, so no two are equal.
   *
   * @param subject the {@code sub} claim
   * @param now issue time
   */
  String mint(String subject, Instant now) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(audience)
        .subject(subject)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(lifetime)))
        .jwtID(UUID.randomUUID().toString())
        .claim("sid", UUID.randomUUID().toString())
        .claim("scope", scope)
        .claim("acr", acr)
        .claim("azp", "bench-client")
        .claim("typ", "Bearer")
        .build();
    JWSHeader header = new JWSHeader.Builder(algorithm).keyID(key.getKeyID())
        .type(JOSEObjectType.JWT).build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("benchmark token signing failed", e);
    }
    return jwt.serialize();
  }

  /**
   * Mints {@code count} distinct tokens in parallel over {@code subjects} distinct subjects.
   */
  List<String> mintPool(int count, int subjects) {
    Instant now = Instant.now();
    return IntStream.range(0, count).parallel()
        .mapToObj(i -> mint("bench-subject-" + (i % Math.max(1, subjects)), now))
        .collect(Collectors.toList());
  }

  /** Settings of a mint; defaults match {@code bench/gateway/*.yaml.tmpl}. */
  static final class Builder {
    private String algorithm = "RS256";
    private String issuer = "http://127.0.0.1/realms/bench";
    private String audience = "bench-api";
    private String scope = "openid accounts:read";
    private String acr = "urn:mynagate:acr:jpki";
    private Duration lifetime = Duration.ofHours(8);
    private JWK key;

    /** Reuses {@code value} when it is a private key for the algorithm; otherwise a new key. */
    Builder key(JWK value) {
      key = value;
      return this;
    }

    Builder algorithm(String value) {
      algorithm = value;
      return this;
    }

    Builder issuer(String value) {
      issuer = value;
      return this;
    }

    Builder audience(String value) {
      audience = value;
      return this;
    }

    Builder scope(String value) {
      scope = value;
      return this;
    }

    Builder acr(String value) {
      acr = value;
      return this;
    }

    Builder lifetime(Duration value) {
      lifetime = value;
      return this;
    }

    TokenMint build() {
      try {
        return new TokenMint(this);
      } catch (JOSEException e) {
        throw new IllegalStateException("benchmark key generation failed", e);
      }
    }
  }
}
