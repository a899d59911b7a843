package io.mynagate.gateway.http;

import io.mynagate.gateway.token.LogoutTokenVerifier;
import io.mynagate.gateway.rejection.Rejection;
import io.mynagate.gateway.rejection.TokenRejectedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * OIDC Back-Channel Logout 1.0 receiver (section 2.5): {@code POST} with form parameter {@code
 * logout_token}. 200 once the session or subject is denied on every instance; 400 with {@code
 * invalid_request} for an invalid token (section 2.8); 503 while the shared store cannot take
 * the entry, so the issuer retries.
 */
final class LogoutHandler {
  private static final System.Logger LOG = System.getLogger(LogoutHandler.class.getName());

  private final Services services;
  private final LogoutTokenVerifier verifier;

  LogoutHandler(Services services, LogoutTokenVerifier verifier) {
    this.services = services;
    this.verifier = verifier;
  }

  void handle(HttpServerRequest request) {
    FormBody.then(request, form -> logout(request.response(), form.get("logout_token")));
  }

  private void logout(HttpServerResponse response, String token) {
    if (token == null || token.isEmpty()) {
      AuthFailures.send(response, 400, "invalid_request");
      return;
    }
    verifier.verify(token)
        .compose(logout -> services.state().deny(logout.target(), logout.issuer(), logout.value())
            .compose(v -> verifier.markUsed(logout))
            .map(logout))
        .onSuccess(logout -> {
          LOG.log(System.Logger.Level.INFO, "event=backchannel_logout issuer={0} target={1}",
              logout.issuer(), logout.target());
          response.putHeader("Cache-Control", "no-store").setStatusCode(200).end();
        })
        .onFailure(e -> {
          if (e instanceof TokenRejectedException
              && ((TokenRejectedException) e).reason() != Rejection.STORE_UNAVAILABLE
              && ((TokenRejectedException) e).reason() != Rejection.KEYS_UNAVAILABLE) {
            LOG.log(System.Logger.Level.WARNING,
                "event=logout_token_rejected reason={0} detail={1}",
                ((TokenRejectedException) e).reason().label(), e.getMessage());
            AuthFailures.send(response, 400, "invalid_request");
          } else {
            LOG.log(System.Logger.Level.ERROR, "event=logout_not_stored error={0}",
                e.getMessage());
            response.putHeader("Retry-After", "1");
            AuthFailures.send(response, 503, "temporarily_unavailable");
          }
        });
  }
}
