package io.mynagate.gateway.token;

import io.mynagate.gateway.config.GatewayConfig;
import io.mynagate.gateway.rejection.Rejection;
import io.mynagate.gateway.rejection.TokenRejectedException;

/** A route's requirements checked against a verified token: issuer, audience, scopes, acr. */
public final class RouteRequirements {
  private RouteRequirements() {}

  /**
   * @param token the verified token
   * @param route the matched route
   * @throws TokenRejectedException if one requirement is not met
   */
  public static void check(VerifiedToken token, GatewayConfig.Route route) {
    if (route.issuer().isPresent() && !route.issuer().get().equals(token.issuer())) {
      throw new TokenRejectedException(Rejection.UNKNOWN_ISSUER, "issuer not accepted by route");
    }
    if (!token.audiences().contains(route.audience())) {
      throw new TokenRejectedException(Rejection.WRONG_AUDIENCE, "route audience not in aud");
    }
    if (!token.scopes().containsAll(route.scopes())) {
      throw new TokenRejectedException(Rejection.INSUFFICIENT_SCOPE, "required scope missing");
    }
    if (!route.acr().isEmpty()
        && (token.acr().isEmpty() || !route.acr().contains(token.acr().get()))) {
      throw new TokenRejectedException(Rejection.INSUFFICIENT_ACR, "acr not accepted by route");
    }
  }
}
