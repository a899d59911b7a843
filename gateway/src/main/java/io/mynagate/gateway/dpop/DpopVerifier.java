package io.mynagate.gateway.dpop;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mynagate.gateway.jwks.VerificationProviders;
import io.mynagate.gateway.state.SharedState;
import io.mynagate.gateway.rejection.Rejection;
import io.mynagate.gateway.rejection.TokenRejectedException;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Set;

/**
 * Checks a DPoP proof against the request and the access token (RFC 9449 section 4.3): {@code
 * typ} is {@code dpop+jwt}; {@code alg} is an allowed asymmetric algorithm; {@code jwk} is a public
 * key whose SHA-256 thumbprint (RFC 7638) equals the token's {@code cnf.jkt}; the signature
 * verifies with it; {@code htm} and {@code htu} match the request; {@code iat} is within the
 * window; {@code ath} is the hash of the access token; {@code jti} was not seen before (shared
 * through the store, so a proof cannot be replayed at another instance). Thread-safe.
 */
public final class DpopVerifier {
  /** Longer {@code DPoP} header values are refused before parsing. */
  public static final int MAX_PROOF_LENGTH = 8 * 1024;

  private final Set<String> algorithms;
  private final Duration maxAge;
  private final SharedState state;
  private final Clock clock;
  private final VerificationProviders providers;

  /**
   * @param algorithms allowed proof algorithms (asymmetric only, validated by the config)
   * @param maxAge accepted distance of {@code iat} from now
   * @param state replay cache for {@code jti}
   * @param clock time source
   * @param providers JCA providers for proof verification by key type
   */
  public DpopVerifier(Set<String> algorithms, Duration maxAge, SharedState state, Clock clock,
      VerificationProviders providers) {
    this.providers = providers;
    this.algorithms = Set.copyOf(algorithms);
    this.maxAge = maxAge;
    this.state = state;
    this.clock = clock;
  }

  /**
   * @return the allowed algorithms, for the {@code algs} parameter of {@code WWW-Authenticate}
   */
  public Set<String> algorithms() {
    return algorithms;
  }

  /**
   * @param proof the {@code DPoP} header value
   * @param method the request method
   * @param htu the request URI without query and fragment
   * @param accessToken the access token the proof must be bound to
   * @param jkt the token's {@code cnf.jkt}
   * @return succeeds if the proof is valid and fresh; otherwise fails with {@link
   *     TokenRejectedException} ({@code INVALID_DPOP_PROOF}, {@code DPOP_REPLAY} or {@code
   *     STORE_UNAVAILABLE})
   */
  public Future<Void> verify(String proof, String method, String htu, String accessToken,
      String jkt) {
    String jti;
    try {
      jti = check(proof, method, htu, accessToken, jkt);
    } catch (TokenRejectedException e) {
      return Future.failedFuture(e);
    }
    return state.firstUse("dpop", jkt + "|" + jti, maxAge.multipliedBy(2))
        .compose(first -> first ? Future.succeededFuture()
            : Future.failedFuture(new TokenRejectedException(Rejection.DPOP_REPLAY,
                "DPoP proof jti replayed")));
  }

  private String check(String proof, String method, String htu, String accessToken,
      String jkt) {
    if (proof == null || proof.isEmpty() || proof.length() > MAX_PROOF_LENGTH) {
      throw invalid("DPoP proof missing or too large");
    }
    SignedJWT jwt;
    try {
      int dot = proof.indexOf('.');
      Map<String, Object> header = JSONObjectUtils.parse(
          new Base64URL(dot > 0 ? proof.substring(0, dot) : "").decodeToString());
      Object alg = header.get("alg");
      if (!(alg instanceof String) || !algorithms.contains(alg)) {
        throw invalid("DPoP proof alg not allowed");
      }
      if (header.containsKey("crit") || header.containsKey("jku") || header.containsKey("x5u")
          || header.containsKey("x5c")) {
        throw invalid("DPoP proof header has unsupported parameters");
      }
      jwt = SignedJWT.parse(proof);
    } catch (java.text.ParseException | RuntimeException e) {
      if (e instanceof TokenRejectedException) {
        throw (TokenRejectedException) e;
      }
      throw invalid("DPoP proof is not a signed JWT");
    }
    if (!"dpop+jwt".equals(jwt.getHeader().getType() == null ? null
        : jwt.getHeader().getType().getType())) {
      throw invalid("DPoP proof typ is not dpop+jwt");
    }
    JWK jwk = jwt.getHeader().getJWK();
    if (jwk == null || jwk.isPrivate()) {
      throw invalid("DPoP proof jwk missing or private");
    }
    try {
      if (!jwk.computeThumbprint("SHA-256").toString().equals(jkt)) {
        throw invalid("DPoP proof key does not match cnf.jkt");
      }
      if (!jwt.verify(providers.forProofKey(jwk))) {
        throw invalid("DPoP proof signature invalid");
      }
    } catch (JOSEException | IllegalStateException e) {
      throw invalid("DPoP proof signature invalid");
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (java.text.ParseException e) {
      throw invalid("DPoP proof claims are not JSON");
    }
    checkClaims(claims, method, htu, accessToken);
    return (String) claims.getClaim("jti");
  }

  private void checkClaims(JWTClaimsSet claims, String method, String htu, String accessToken) {
    if (!(claims.getClaim("jti") instanceof String) || ((String) claims.getClaim("jti")).isEmpty()
        || ((String) claims.getClaim("jti")).length() > 256) {
      throw invalid("DPoP proof jti missing");
    }
    if (!method.equals(claims.getClaim("htm"))) {
      throw invalid("DPoP proof htm does not match the request method");
    }
    if (!(claims.getClaim("htu") instanceof String)
        || !HtuComparison.matches((String) claims.getClaim("htu"), htu)) {
      throw invalid("DPoP proof htu does not match the request URI");
    }
    if (!(claims.getClaim("iat") instanceof Date)) {
      throw invalid("DPoP proof iat missing");
    }
    long iat = ((Date) claims.getClaim("iat")).getTime();
    if (Math.abs(clock.millis() - iat) > maxAge.toMillis()) {
      throw invalid("DPoP proof iat outside the accepted window");
    }
    if (!ath(accessToken).equals(claims.getClaim("ath"))) {
      throw invalid("DPoP proof ath does not match the access token");
    }
  }

  /**
   * @param accessToken the access token
   * @return base64url(SHA-256(token)), the {@code ath} value (RFC 9449 section 4.2)
   */
  public static String ath(String accessToken) {
    try {
      return Base64URL.encode(MessageDigest.getInstance("SHA-256")
          .digest(accessToken.getBytes(StandardCharsets.US_ASCII))).toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
    }
  }

  private static TokenRejectedException invalid(String message) {
    return new TokenRejectedException(Rejection.INVALID_DPOP_PROOF, message);
  }
}
