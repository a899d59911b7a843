package io.mynagate.gateway.http;

import io.mynagate.gateway.config.GatewayConfig;
import io.mynagate.gateway.token.VerifiedToken;
import com.nimbusds.jwt.JWTClaimsSet;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * RFC 7662 token introspection answered from local validation. The caller authenticates with
 * HTTP Basic (section 2.1; client id and secret form-urlencoded per RFC 6749 section 2.3.1).
 * Anything that does not fully verify — bad signature, expired, foreign issuer, logged out, or
 * outside the client's audiences — is {@code {"active":false}} with no further detail.
 */
final class IntrospectionHandler {
  private static final System.Logger LOG = System.getLogger(IntrospectionHandler.class.getName());

  private static final String[] ANSWERED_CLAIMS = {"iss", "sub", "aud", "exp", "iat", "nbf",
      "jti", "acr", "scope", "sid", "azp", "client_id", "cnf"};

  private final Services services;

  IntrospectionHandler(Services services) {
    this.services = services;
  }

  void handle(RoutingContext ctx) {
    Optional<GatewayConfig.IntrospectionClient> client = authenticate(ctx);
    if (client.isEmpty()) {
      ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"" + AuthFailures.REALM + "\"");
      AuthFailures.send(ctx.response(), 401, "invalid_client");
      return;
    }
    String token = ctx.request().getFormAttribute("token");
    if (token == null || token.isEmpty()) {
      AuthFailures.send(ctx.response(), 400, "invalid_request");
      return;
    }
    services.verifier().verify(token)
        .compose(verified -> {
          boolean denied = services.state().isDenied(verified.issuer(), verified.sessionId(),
              verified.subject());
          boolean audienceOk = client.get().audiences().isEmpty()
              || verified.audiences().stream().anyMatch(client.get().audiences()::contains);
          return Future.succeededFuture(denied || !audienceOk ? null : verified);
        })
        .otherwise(e -> null)
        .onSuccess(verified -> {
          LOG.log(System.Logger.Level.DEBUG, "event=introspection client={0} active={1}",
              client.get().clientId(), verified != null);
          ctx.response().putHeader("Content-Type", "application/json")
              .putHeader("Cache-Control", "no-store")
              .end(answer(verified).encode());
        });
  }

  private static JsonObject answer(VerifiedToken token) {
    if (token == null) {
      return new JsonObject().put("active", false);
    }
    // Only the listed members, read one by one: copying every claim (toJSONObject) per request
    // showed in the introspection benchmark.
    JWTClaimsSet claims = token.claims();
    JsonObject out = new JsonObject().put("active", true);
    for (String name : ANSWERED_CLAIMS) {
      Object value = claims.getClaim(name);
      if (value instanceof java.util.Date) {
        value = ((java.util.Date) value).getTime() / 1000; // RFC 7662 section 2.2: NumericDate
      }
      if (value != null) {
        out.put(name, value);
      }
    }
    if (!out.containsKey("client_id") && claims.getClaim("azp") != null) {
      out.put("client_id", claims.getClaim("azp"));
    }
    out.put("token_type", token.confirmationThumbprint().isPresent() ? "DPoP" : "Bearer");
    return out;
  }

  private Optional<GatewayConfig.IntrospectionClient> authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || header.length() < 7
        || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String id = urlDecode(decoded.substring(0, colon));
    byte[] secret = urlDecode(decoded.substring(colon + 1)).getBytes(StandardCharsets.UTF_8);
    for (GatewayConfig.IntrospectionClient c : services.config().introspectionClients()) {
      if (c.clientId().equals(id)
          && MessageDigest.isEqual(c.secret().getBytes(StandardCharsets.UTF_8), secret)) {
        return Optional.of(c);
      }
    }
    LOG.log(System.Logger.Level.INFO, "event=introspection_client_rejected");
    return Optional.empty();
  }

  private static String urlDecode(String s) {
    try {
      return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
