package io.mynagate.gateway.rejection;

import java.util.Locale;

/**
 * Why a request was refused. Each reason is one metric label; HTTP status and {@code
 * WWW-Authenticate} are derived from it in exactly one place ({@code
 * io.mynagate.gateway.http.AuthFailures}).
 */
public enum Rejection {
  /** No {@code Authorization} header with a Bearer or DPoP token (RFC 6750 section 3.1). */
  MISSING_TOKEN,
  /**
   * More than one credential, an unusable {@code Authorization} header, or a request the HTTP
   * decoder could not read.
   */
  INVALID_REQUEST,
  /**
   * The request's header section exceeds the listener's bound (RFC 6585 section 5, status 431),
   * which leaves room for a token of the documented maximum and a DPoP proof.
   */
  HEADERS_TOO_LARGE,
  /** The request line (method, target, version) exceeds the listener's bound (status 414). */
  REQUEST_LINE_TOO_LONG,
  /** Not a compact JWS, unparsable header or claims, or oversized. */
  MALFORMED_TOKEN,
  /** {@code alg} outside the issuer's allowlist ({@code none} and HMAC always). */
  ALGORITHM_NOT_ALLOWED,
  /**
   * The token offers its own key or key location ({@code jwk}, {@code jku}, {@code x5u}, {@code
   * x5c}).
   */
  EMBEDDED_KEY,
  /** A {@code crit} header names an extension the gateway does not understand (RFC 7515 4.1.11). */
  UNSUPPORTED_CRITICAL_HEADER,
  /** {@code typ} says this is not an access token (e.g. a logout token or DPoP proof). */
  WRONG_TOKEN_TYPE,
  /** {@code iss} is not a configured issuer, or not the one the route requires. */
  UNKNOWN_ISSUER,
  /** No key with the token's {@code kid} in the issuer's JWKS, even after a refetch. */
  UNKNOWN_KEY,
  /** The issuer's keys are unavailable: JWKS endpoint down beyond the allowed staleness. */
  KEYS_UNAVAILABLE,
  /** The signature does not verify. */
  INVALID_SIGNATURE,
  /** {@code exp} has passed (beyond the clock skew). */
  EXPIRED,
  /** {@code nbf} is in the future (beyond the clock skew). */
  NOT_YET_VALID,
  /** {@code iat} is in the future (beyond the clock skew). */
  ISSUED_IN_FUTURE,
  /**
   * A required claim ({@code exp}, {@code sub}) is missing, or a claim has the wrong type (e.g. a
   * {@code sub} that is not a JSON string, RFC 7519 section 4.1.2).
   */
  MISSING_CLAIM,
  /** The route's audience is not in {@code aud}. */
  WRONG_AUDIENCE,
  /** A scope the route requires is missing (RFC 6750 {@code insufficient_scope}). */
  INSUFFICIENT_SCOPE,
  /** {@code acr} not accepted by the route (RFC 9470 {@code insufficient_user_authentication}). */
  INSUFFICIENT_ACR,
  /** The token's session ({@code sid}) or subject was logged out. */
  DENIED,
  /** The token is DPoP-bound ({@code cnf.jkt}) but was presented without the DPoP scheme/proof. */
  DPOP_REQUIRED,
  /** The DPoP proof is missing, malformed, or does not match the request or the token. */
  INVALID_DPOP_PROOF,
  /** A logout token's {@code jti} was seen before. */
  REPLAYED,
  /** The DPoP proof's {@code jti} was seen before. */
  DPOP_REPLAY,
  /** The shared store (Redis) is unreachable and the fail mode is closed. */
  STORE_UNAVAILABLE;

  /**
   * @return the metric label, e.g. {@code invalid_signature}
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
