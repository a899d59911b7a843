package io.mynagate.gateway.http;

import io.mynagate.gateway.config.GatewayConfig;
import io.mynagate.gateway.rejection.TokenRejectedException;
import io.mynagate.gateway.token.VerifiedToken;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 7662 token introspection answered from local validation. The caller authenticates with
 * HTTP Basic (section 2.1; client id and secret form-urlencoded per RFC 6749 section 2.3.1).
 * Anything that does not fully verify — bad signature, expired, foreign issuer, logged out, or
 * outside the client's audiences — is {@code {"active":false}} with no further detail.
 */
final class IntrospectionHandler {
  private static final System.Logger LOG = System.getLogger(IntrospectionHandler.class.getName());

  /**
   * A client and the {@code Authorization} value it sends when it encodes as RFC 6749 says: most
   * requests match one of these byte for byte (compared in constant time), which spares decoding.
   */
  private record KnownClient(GatewayConfig.IntrospectionClient client, byte[] basicHeader) {}

  private final Services services;
  private final List<KnownClient> known;

  IntrospectionHandler(Services services) {
    this.services = services;
    this.known = services.config().introspectionClients().stream()
        .map(c -> new KnownClient(c, ("Basic " + Base64.getEncoder().encodeToString(
            (formEncode(c.clientId()) + ":" + formEncode(c.secret()))
                .getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8)))
        .toList();
  }

  void handle(HttpServerRequest request) {
    FormBody.then(request, form -> answer(request, form));
  }

  private void answer(HttpServerRequest request, Map<String, String> form) {
    HttpServerResponse response = request.response();
    Optional<GatewayConfig.IntrospectionClient> client =
        authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (client.isEmpty()) {
      response.putHeader("WWW-Authenticate", "Basic realm=\"" + AuthFailures.REALM + "\"");
      AuthFailures.send(response, 401, "invalid_client");
      return;
    }
    String token = form.get("token");
    if (token == null || token.isEmpty()) {
      AuthFailures.send(response, 400, "invalid_request");
      return;
    }
    services.verifier().verify(token)
        .onComplete(ar -> send(response, client.get(), ar.succeeded() ? ar.result() : null));
  }

  private void send(HttpServerResponse response, GatewayConfig.IntrospectionClient client,
      VerifiedToken verified) {
    boolean active = verified != null && !denied(verified)
        && (client.audiences().isEmpty()
            || verified.audiences().stream().anyMatch(client.audiences()::contains));
    LOG.log(System.Logger.Level.DEBUG, "event=introspection client={0} active={1}",
        client.clientId(), active);
    if (response.closed()) {
      return;
    }
    Buffer body = active ? IntrospectionAnswer.active(verified) : IntrospectionAnswer.inactive();
    response.putHeader(HttpHeaders.CONTENT_TYPE, AuthFailures.APPLICATION_JSON)
        .putHeader(HttpHeaders.CACHE_CONTROL, AuthFailures.NO_STORE)
        .end(body);
  }

  /** Fails closed: while the deny list cannot be trusted (store down, fail mode closed), denied. */
  private boolean denied(VerifiedToken token) {
    try {
      return services.state().isDenied(token.issuer(), token.sessionId(), token.subject());
    } catch (TokenRejectedException e) {
      return true;
    }
  }

  private Optional<GatewayConfig.IntrospectionClient> authenticate(String header) {
    if (header == null || header.length() < 7
        || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    byte[] sent = header.getBytes(StandardCharsets.UTF_8);
    for (KnownClient k : known) {
      if (MessageDigest.isEqual(k.basicHeader(), sent)) {
        return Optional.of(k.client());
      }
    }
    // Encoded otherwise (other percent-encoding, "basic", padding): decode and compare.
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
    for (KnownClient k : known) {
      if (k.client().clientId().equals(id)
          && MessageDigest.isEqual(k.client().secret().getBytes(StandardCharsets.UTF_8), secret)) {
        return Optional.of(k.client());
      }
    }
    LOG.log(System.Logger.Level.INFO, "event=introspection_client_rejected");
    return Optional.empty();
  }

  private static String formEncode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String urlDecode(String s) {
    try {
      return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
