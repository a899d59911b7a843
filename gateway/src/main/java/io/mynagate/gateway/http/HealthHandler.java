package io.mynagate.gateway.http;

import io.mynagate.gateway.config.GatewayConfig;
import io.mynagate.gateway.jwks.IssuerKeys;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code GET /health}: 200 {@code UP} when every issuer has keys and the shared store is usable
 * (reachable, or fail mode open-insecure); otherwise 503 {@code DOWN}. Lists key counts and the
 * store state, nothing else.
 */
final class HealthHandler {
  private final Services services;

  HealthHandler(Services services) {
    this.services = services;
  }

  void handle(HttpServerRequest request) {
    boolean up = true;
    JsonObject issuers = new JsonObject();
    for (IssuerKeys keys : services.issuers().values()) {
      issuers.put(keys.issuer(), new JsonObject().put("keys", keys.keyCount()));
      up &= keys.keyCount() > 0;
    }
    boolean reachable = services.state().reachable();
    boolean failOpen = services.config().redis()
        .map(r -> r.failMode() == GatewayConfig.FailMode.OPEN_INSECURE).orElse(false);
    up &= reachable || failOpen;
    JsonObject body = new JsonObject()
        .put("status", up ? "UP" : "DOWN")
        .put("store", new JsonObject().put("kind", services.state().kind())
            .put("reachable", reachable))
        .put("issuers", issuers);
    request.response().setStatusCode(up ? 200 : 503)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
