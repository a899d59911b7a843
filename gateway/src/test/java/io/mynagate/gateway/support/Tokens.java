package io.mynagate.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Builds signed tokens the way an OIDC provider (Keycloak) would, with hooks to forge them. */
public final class Tokens {
  public static final String ISSUER_PATH = "/realms/test";

  private Tokens() {}

  /** Claims of a valid access token for audience {@code api} with scope {@code read}. */
  public static JWTClaimsSet.Builder accessClaims(String issuer) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject("pairwise-" + UUID.randomUUID())
        .audience("api")
        .expirationTime(Date.from(now.plusSeconds(300)))
        .issueTime(Date.from(now))
        .jwtID(UUID.randomUUID().toString())
        .claim("sid", "sid-" + UUID.randomUUID())
        .claim("scope", "openid read")
        .claim("acr", "urn:test:acr:card")
        .claim("azp", "bank");
  }

  /** Claims of a valid logout token (OIDC Back-Channel Logout 1.0 section 2.4) for a session. */
  public static JWTClaimsSet.Builder logoutClaims(String issuer, String sid, String sub) {
    JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience("gateway")
        .issueTime(new Date())
        .expirationTime(Date.from(Instant.now().plusSeconds(120)))
        .jwtID(UUID.randomUUID().toString())
        .claim("events", java.util.Map.of(
            "http://schemas.openid.net/event/backchannel-logout", java.util.Map.of()));
    if (sid != null) {
      b.claim("sid", sid);
    }
    if (sub != null) {
      b.subject(sub);
    }
    return b;
  }

  public static String signLogout(JWK key, JWTClaimsSet claims) {
    return sign(key, claims, h -> h.type(new JOSEObjectType("logout+jwt")));
  }

  public static String sign(JWK key, JWTClaimsSet claims) {
    return sign(key, claims, h -> h);
  }

  public static String sign(JWK key, JWTClaimsSet claims,
      UnaryOperator<JWSHeader.Builder> header) {
    return sign(key, key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256, claims,
        header);
  }

  public static String sign(JWK key, JWSAlgorithm alg, JWTClaimsSet claims,
      UnaryOperator<JWSHeader.Builder> header) {
    JWSHeader.Builder builder = new JWSHeader.Builder(alg).keyID(key.getKeyID())
        .type(JOSEObjectType.JWT);
    SignedJWT jwt = new SignedJWT(header.apply(builder).build(), claims);
    try {
      jwt.sign(signer(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  public static JWSSigner signer(JWK key) throws JOSEException {
    return key instanceof ECKey ? new ECDSASigner((ECKey) key) : new RSASSASigner((RSAKey) key);
  }
}
