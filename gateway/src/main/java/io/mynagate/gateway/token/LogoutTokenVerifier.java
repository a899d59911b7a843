package io.mynagate.gateway.token;

import com.nimbusds.jwt.JWTClaimsSet;
import io.mynagate.gateway.jwks.IssuerKeys;
import io.mynagate.gateway.rejection.Rejection;
import io.mynagate.gateway.rejection.TokenRejectedException;
import io.mynagate.gateway.state.SharedState;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates OIDC Back-Channel Logout 1.0 logout tokens (section 2.6): header policy as for
 * access tokens ({@code typ} {@code logout+jwt} or {@code JWT} or absent), signature with the
 * issuer's JWKS, {@code iss} configured with logout audiences, {@code aud} one of them, {@code iat}
 * not in the future and not older than {@code maxTokenAge}, {@code exp} if present not passed,
 * {@code events} holding the back-channel-logout member as a JSON object, {@code sid} or {@code
 * sub}, no {@code nonce}, and {@code jti} present; {@link #markUsed} then makes it single-use
 * (shared through the store). Thread-safe.
 */
public final class LogoutTokenVerifier {
  /** The {@code events} member that marks a logout token. */
  public static final String LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

  private final Map<String, IssuerKeys> issuers;
  private final JwsHeaderPolicy headerPolicy;
  private final SharedState state;
  private final Duration maxTokenAge;
  private final Clock clock;

  /** What a valid logout token asks for. */
  public record Logout(SharedState.Target target, String issuer, String value, String jti) {
    /** Keeps identifiers out of logs. */
    @Override
    public String toString() {
      return "Logout[target=" + target + ", issuer=" + issuer + "]";
    }
  }

  /**
   * @param issuers configured issuers by {@code iss}
   * @param state replay cache for {@code jti}
   * @param maxTokenAge oldest accepted {@code iat}
   * @param clock time source
   */
  public LogoutTokenVerifier(Map<String, IssuerKeys> issuers, SharedState state,
      Duration maxTokenAge, Clock clock) {
    this.issuers = Map.copyOf(issuers);
    Set<String> algs = new HashSet<>();
    issuers.values().forEach(i -> algs.addAll(i.config().algorithms()));
    this.headerPolicy = new JwsHeaderPolicy(algs, Set.of("logout+jwt", "JWT"), false);
    this.state = state;
    this.maxTokenAge = maxTokenAge;
    this.clock = clock;
  }

  /**
   * @param logoutToken the {@code logout_token} form parameter
   * @return the session or subject to deny; a failed future with {@link TokenRejectedException}
   *     if the token is invalid
   */
  public Future<Logout> verify(String logoutToken) {
    CheckedJws jws;
    JWTClaimsSet claims;
    IssuerKeys keys;
    try {
      jws = headerPolicy.check(logoutToken);
      claims = AccessTokenVerifier.claimsOf(jws);
      Object iss = claims.getClaim("iss");
      keys = iss instanceof String ? issuers.get(iss) : null;
      if (keys == null || keys.config().logoutAudiences().isEmpty()) {
        throw new TokenRejectedException(Rejection.UNKNOWN_ISSUER,
            "issuer unknown or without logout audiences");
      }
      if (!keys.config().algorithms().contains(jws.header().getAlgorithm().getName())) {
        throw new TokenRejectedException(Rejection.ALGORITHM_NOT_ALLOWED, "alg not allowed");
      }
    } catch (TokenRejectedException e) {
      return Future.failedFuture(e);
    }
    IssuerKeys issuer = keys;
    return keys.verifier(jws.header().getKeyID(), jws.header().getAlgorithm())
        .map(verifier -> {
          AccessTokenVerifier.verifySignature(jws, verifier.verifier());
          return checkClaims(claims, issuer);
        });
  }

  /**
   * Marks a verified logout token's {@code jti} as used. Called after the deny entry is stored:
   * if storing fails the issuer retries with the same token, which must then still be accepted.
   * A replay therefore re-applies an identical deny entry (harmless) before it is refused.
   *
   * @param logout what {@link #verify} returned
   * @return succeeds on first use; fails with {@code REPLAYED} (or {@code STORE_UNAVAILABLE})
   */
  public Future<Void> markUsed(Logout logout) {
    IssuerKeys issuer = issuers.get(logout.issuer());
    Duration remember = maxTokenAge.plus(issuer.config().clockSkew()).multipliedBy(2);
    return state.firstUse("logout", issuer.issuer() + "|" + logout.jti(), remember)
        .compose(first -> first ? Future.<Void>succeededFuture()
            : Future.failedFuture(new TokenRejectedException(Rejection.REPLAYED,
                "logout token jti replayed")));
  }

  private Logout checkClaims(JWTClaimsSet claims, IssuerKeys issuer) {
    long now = clock.millis();
    long skew = issuer.config().clockSkew().toMillis();
    List<String> aud = claims.getAudience();
    if (aud.stream().noneMatch(issuer.config().logoutAudiences()::contains)) {
      throw new TokenRejectedException(Rejection.WRONG_AUDIENCE, "logout aud not accepted");
    }
    Instant iat = TimeClaims.required(claims, "iat");
    if (iat.toEpochMilli() > now + skew) {
      throw new TokenRejectedException(Rejection.ISSUED_IN_FUTURE, "iat in the future");
    }
    if (iat.toEpochMilli() < now - skew - maxTokenAge.toMillis()) {
      throw new TokenRejectedException(Rejection.EXPIRED, "logout token too old");
    }
    TimeClaims.optional(claims, "exp").filter(exp -> now > exp.toEpochMilli() + skew)
        .ifPresent(exp -> {
          throw new TokenRejectedException(Rejection.EXPIRED, "logout token expired");
        });
    Object events = claims.getClaim("events");
    if (!(events instanceof Map) || !(((Map<?, ?>) events).get(LOGOUT_EVENT) instanceof Map)) {
      throw new TokenRejectedException(Rejection.MISSING_CLAIM, "events lacks logout event");
    }
    if (claims.getClaim("nonce") != null) {
      // A nonce marks an ID token (section 2.6): refusing it stops ID-token substitution.
      throw new TokenRejectedException(Rejection.WRONG_TOKEN_TYPE, "logout token has a nonce");
    }
    String jti = AccessTokenVerifier.stringClaim(claims, "jti").orElseThrow(() ->
        new TokenRejectedException(Rejection.MISSING_CLAIM, "jti missing"));
    Optional<String> sid = AccessTokenVerifier.stringClaim(claims, "sid");
    Optional<String> sub = AccessTokenVerifier.stringClaim(claims, "sub");
    if (sid.isPresent()) {
      return new Logout(SharedState.Target.SESSION, issuer.issuer(), sid.get(), jti);
    }
    return sub.map(s -> new Logout(SharedState.Target.SUBJECT, issuer.issuer(), s, jti))
        .orElseThrow(() -> new TokenRejectedException(Rejection.MISSING_CLAIM,
            "neither sid nor sub"));
  }
}
