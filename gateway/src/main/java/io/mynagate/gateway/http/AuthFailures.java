package io.mynagate.gateway.http;

import io.mynagate.gateway.metrics.GatewayMetrics;
import io.mynagate.gateway.rejection.Rejection;
import io.mynagate.gateway.rejection.TokenRejectedException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Set;

/**
 * The one place where a refusal becomes an HTTP response: status, {@code WWW-Authenticate}
 * (RFC 6750 section 3 for Bearer, RFC 9449 section 7.1 for DPoP, RFC 9470 for step-up), a JSON
 * body with only the error code, a metric and a log line without token contents.
 */
final class AuthFailures {
  private static final System.Logger LOG = System.getLogger(AuthFailures.class.getName());
  static final String REALM = "myna-gateway";
  /** Header values encoded once, not on every response. */
  static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");
  static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");

  private final GatewayMetrics metrics;
  private final String dpopAlgs;

  AuthFailures(GatewayMetrics metrics, Set<String> dpopAlgorithms) {
    this.metrics = metrics;
    this.dpopAlgs = String.join(" ", new java.util.TreeSet<>(dpopAlgorithms));
  }

  /**
   * @param response the response to fill and end
   * @param failure the cause; anything but a {@link TokenRejectedException} is an internal error
   * @param scheme {@code Bearer}, {@code DPoP}, or {@code null} if the request had no token
   * @param route the route's prefix, for the log line
   * @param requiredScopes the route's scopes, for {@code insufficient_scope}
   * @param requiredAcr the route's acr values, for {@code insufficient_user_authentication}
   */
  void respond(HttpServerResponse response, Throwable failure, String scheme, String route,
      Set<String> requiredScopes, Set<String> requiredAcr) {
    if (!(failure instanceof TokenRejectedException)) {
      LOG.log(System.Logger.Level.ERROR, "event=internal_error route={0} error={1}", route,
          String.valueOf(failure));
      send(response, 500, "server_error");
      return;
    }
    Rejection reason = ((TokenRejectedException) failure).reason();
    metrics.rejected(reason);
    LOG.log(System.Logger.Level.DEBUG, "event=rejected route={0} reason={1} detail={2}", route,
        reason.label(), failure.getMessage());
    boolean dpop = "DPoP".equals(scheme);
    switch (reason) {
      case MISSING_TOKEN:
        // No error code when the request carried no credentials (RFC 6750 section 3.1).
        response.headers().add("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
        response.headers().add("WWW-Authenticate", "DPoP algs=\"" + dpopAlgs + "\"");
        send(response, 401, "unauthorized");
        break;
      case INVALID_REQUEST:
        challenge(response, dpop, "invalid_request", "");
        send(response, 400, "invalid_request");
        break;
      case HEADERS_TOO_LARGE:
        challenge(response, dpop, "invalid_request", "");
        send(response, 431, "invalid_request");
        break;
      case REQUEST_LINE_TOO_LONG:
        challenge(response, dpop, "invalid_request", "");
        send(response, 414, "invalid_request");
        break;
      case INSUFFICIENT_SCOPE:
        challenge(response, dpop, "insufficient_scope",
            ", scope=\"" + String.join(" ", new java.util.TreeSet<>(requiredScopes)) + "\"");
        send(response, 403, "insufficient_scope");
        break;
      case INSUFFICIENT_ACR:
        challenge(response, dpop, "insufficient_user_authentication",
            ", acr_values=\"" + String.join(" ", new java.util.TreeSet<>(requiredAcr)) + "\"");
        send(response, 401, "insufficient_user_authentication");
        break;
      case DPOP_REQUIRED:
        challenge(response, true, "invalid_token", "");
        send(response, 401, "invalid_token");
        break;
      case INVALID_DPOP_PROOF:
      case DPOP_REPLAY:
        challenge(response, true, "invalid_dpop_proof", "");
        send(response, 401, "invalid_dpop_proof");
        break;
      case KEYS_UNAVAILABLE:
      case STORE_UNAVAILABLE:
        response.putHeader("Retry-After", "1");
        send(response, 503, "temporarily_unavailable");
        break;
      default:
        challenge(response, dpop, "invalid_token", "");
        send(response, 401, "invalid_token");
    }
  }

  /**
   * Answers a request the HTTP/1.x decoder could not read (Vert.x's invalid-request handler):
   * header section or request line over the listener's bounds, or malformed. Without this, Vert.x
   * answers a bare 431, 414 or 400 that no metric counts and that carries no challenge. The
   * headers are not available (the decoder gave up on them), so the challenge is Bearer. Vert.x
   * closes the connection once the response is sent: the rest of the request cannot be framed.
   *
   * @param request a request whose {@code decoderResult()} failed
   */
  void respondUndecodable(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    Rejection reason = cause instanceof TooLongHttpHeaderException ? Rejection.HEADERS_TOO_LARGE
        : cause instanceof TooLongHttpLineException ? Rejection.REQUEST_LINE_TOO_LONG
        : Rejection.INVALID_REQUEST;
    // The class name only: a decoder message may quote the input.
    String detail = "request not decodable: "
        + (cause == null ? "unknown" : cause.getClass().getSimpleName());
    respond(request.response(), new TokenRejectedException(reason, detail), null, "-", Set.of(),
        Set.of());
  }

  private void challenge(HttpServerResponse response, boolean dpop, String error, String extra) {
    String value = (dpop ? "DPoP" : "Bearer") + " realm=\"" + REALM + "\", error=\"" + error
        + "\"" + extra + (dpop ? ", algs=\"" + dpopAlgs + "\"" : "");
    response.headers().add("WWW-Authenticate", value);
  }

  static void send(HttpServerResponse response, int status, String error) {
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON)
        .putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE)
        .end("{\"error\":\"" + error + "\"}");
  }
}
