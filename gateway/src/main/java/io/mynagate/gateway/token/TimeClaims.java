package io.mynagate.gateway.token;

import com.nimbusds.jwt.JWTClaimsSet;
import io.mynagate.gateway.rejection.Rejection;
import io.mynagate.gateway.rejection.TokenRejectedException;
import java.time.Instant;
import java.util.Optional;

/** NumericDate claims (RFC 7519 section 2) read strictly: a number of seconds or nothing. */
final class TimeClaims {
  private TimeClaims() {}

  static Instant required(JWTClaimsSet claims, String name) {
    return optional(claims, name)
        .orElseThrow(() -> new TokenRejectedException(Rejection.MISSING_CLAIM, name + " missing"));
  }

  static Optional<Instant> optional(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof java.util.Date) {
      return Optional.of(((java.util.Date) value).toInstant());
    }
    if (value instanceof Number) {
      return Optional.of(Instant.ofEpochSecond(((Number) value).longValue()));
    }
    throw new TokenRejectedException(Rejection.MISSING_CLAIM, name + " is not a NumericDate");
  }
}
