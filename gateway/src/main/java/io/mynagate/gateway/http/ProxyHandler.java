package io.mynagate.gateway.http;

import io.mynagate.gateway.config.GatewayConfig;
import io.mynagate.gateway.rejection.Rejection;
import io.mynagate.gateway.token.RouteRequirements;
import io.mynagate.gateway.rejection.TokenRejectedException;
import io.mynagate.gateway.token.VerifiedToken;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.internal.net.RFC3986;
import java.net.URI;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a request's token against its route, then streams it to the upstream and the answer
 * back. Order: route match; credentials; token (cache or full verification); route requirements;
 * deny list (also on cache hits); DPoP proof when the token is bound; forward.
 */
final class ProxyHandler {
  private static final System.Logger LOG = System.getLogger(ProxyHandler.class.getName());
  /** Hop-by-hop headers (RFC 9110 section 7.6.1) plus HTTP/2 pseudo-connection ones. */
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive",
      "proxy-authenticate", "proxy-authorization", "proxy-connection", "te", "trailer",
      "transfer-encoding", "upgrade", "host");

  private final Services services;
  private final RouteTable routes;
  private final AuthFailures failures;
  private final HttpClient client;
  /** Lower-case names of headers removed from incoming requests. */
  private final Set<String> stripped;
  private final Map<GatewayConfig.Route, UpstreamTarget> targets;
  /**
   * Header names set on every forwarded request, encoded once (Netty's AsciiString: hash and
   * bytes computed here, not per request).
   */
  private static final CharSequence X_FORWARDED_FOR =
      HttpHeaders.createOptimized("X-Forwarded-For");
  private static final CharSequence X_FORWARDED_PROTO =
      HttpHeaders.createOptimized("X-Forwarded-Proto");
  private final CharSequence subjectHeader;
  private final CharSequence issuerHeader;
  private final CharSequence acrHeader;
  private final CharSequence scopeHeader;

  ProxyHandler(Services services, AuthFailures failures, HttpClient client) {
    this.services = services;
    this.routes = new RouteTable(services.config().routes());
    this.failures = failures;
    this.client = client;
    GatewayConfig.Headers h = services.config().headers();
    // Lower-cased once here, so the per-header check is one hash lookup of the lower-cased name
    // that the hop-by-hop check needs anyway (was a case-insensitive TreeSet).
    Set<String> strip = new HashSet<>();
    Stream.of(Stream.of(h.subject(), h.acr(), h.scope(), h.issuer()), h.strip().stream(),
            h.add().keySet().stream())
        .flatMap(names -> names)
        .forEach(name -> strip.add(name.toLowerCase(Locale.ROOT)));
    if (!h.forwardAuthorization()) {
      strip.add("authorization");
      strip.add("dpop");
    }
    this.stripped = Set.copyOf(strip);
    this.subjectHeader = HttpHeaders.createOptimized(h.subject());
    this.issuerHeader = HttpHeaders.createOptimized(h.issuer());
    this.acrHeader = HttpHeaders.createOptimized(h.acr());
    this.scopeHeader = HttpHeaders.createOptimized(h.scope());
    Map<GatewayConfig.Route, UpstreamTarget> targets = new IdentityHashMap<>();
    services.config().routes().forEach(r -> targets.put(r, UpstreamTarget.of(r.upstream())));
    this.targets = targets;
  }

  /**
   * What a route's upstream URL gives every request, computed once per route instead of per
   * request.
   */
  private record UpstreamTarget(String host, int port, boolean tls, String basePath,
      String hostHeader) {
    static UpstreamTarget of(URI upstream) {
      boolean tls = "https".equals(upstream.getScheme());
      int port = upstream.getPort() != -1 ? upstream.getPort() : tls ? 443 : 80;
      String basePath = upstream.getRawPath() == null ? ""
          : stripTrailingSlash(upstream.getRawPath());
      String hostHeader = upstream.getPort() == -1 ? upstream.getHost()
          : upstream.getHost() + ":" + upstream.getPort();
      return new UpstreamTarget(upstream.getHost(), port, tls, basePath, hostHeader);
    }
  }

  /**
   * Handles a request outside the gateway's own endpoints. Bypasses the Router: this is the hot
   * path, and the route table already does the matching.
   */
  void handle(HttpServerRequest request) {
    long start = System.nanoTime();
    // Dot segments removed and unreserved %XX decoded (RFC 3986 section 6.2.2), as Vert.x Web's
    // normalizedPath(): "/api/../admin/x" is matched, and forwarded, as "/admin/x".
    String path = RFC3986.normalizePath(request.path());
    GatewayConfig.Route route = path == null ? null : routes.match(path);
    if (route == null) {
      AuthFailures.send(request.response(), 404, "not_found");
      return;
    }
    request.pause();
    Credentials credentials;
    try {
      credentials = Credentials.of(request);
    } catch (TokenRejectedException e) {
      reject(request, e, null, route, start);
      return;
    }
    Future<VerifiedToken> verified = services.verifier().verify(credentials.token());
    Future<VerifiedToken> checked;
    if (verified.succeeded()) {
      // Cache hit or cached keys: already complete, so authorize directly instead of through
      // compose(), which would allocate and dispatch a future per request. Same semantics: an
      // exception from authorize() becomes a failed future.
      try {
        checked = authorize(request, credentials, verified.result(), route);
      } catch (RuntimeException e) {
        checked = Future.failedFuture(e);
      }
    } else {
      checked = verified.compose(token -> authorize(request, credentials, token, route));
    }
    if (checked.isComplete()) {
      // The fast path completed on this event loop: no hop back to the context needed.
      if (checked.succeeded()) {
        forward(request, path, route, checked.result(), start);
      } else {
        reject(request, checked.cause(), credentials.scheme(), route, start);
      }
      return;
    }
    onContext(checked, Vertx.currentContext())
        .onSuccess(token -> forward(request, path, route, token, start))
        .onFailure(e -> reject(request, e, credentials.scheme(), route, start));
  }

  /**
   * Continues on this verticle's event loop. The fast path (cached keys, no Redis round trip)
   * is already complete; a JWKS refetch or a Redis reply completes on another event loop, and the
   * upstream request must be made from this one.
   */
  private static <T> Future<T> onContext(Future<T> future, Context context) {
    if (future.isComplete() || context == null) {
      return future;
    }
    Promise<T> promise = Promise.promise();
    future.onComplete(ar -> context.runOnContext(v -> promise.handle(ar)));
    return promise.future();
  }

  private Future<VerifiedToken> authorize(HttpServerRequest request, Credentials credentials,
      VerifiedToken token, GatewayConfig.Route route) {
    RouteRequirements.check(token, route);
    if (services.state().isDenied(token.issuer(), token.sessionId(), token.subject())) {
      throw new TokenRejectedException(Rejection.DENIED, "session or subject logged out");
    }
    if (token.confirmationThumbprint().isEmpty()) {
      if ("DPoP".equals(credentials.scheme())) {
        // RFC 9449 section 7.1: the DPoP scheme is for DPoP-bound tokens only.
        throw new TokenRejectedException(Rejection.INVALID_REQUEST,
            "DPoP scheme with an unbound token");
      }
      return Future.succeededFuture(token);
    }
    if (!"DPoP".equals(credentials.scheme())) {
      throw new TokenRejectedException(Rejection.DPOP_REQUIRED, "bound token sent as Bearer");
    }
    return services.dpop().verify(credentials.proof(), request.method().name(),
            htu(request), credentials.token(), token.confirmationThumbprint().get())
        .map(token);
  }

  private String htu(HttpServerRequest request) {
    String path = request.path();
    return services.config().dpop().publicBaseUrl()
        .map(base -> stripTrailingSlash(base.toString()) + path)
        .orElseGet(() -> request.scheme() + "://" + request.authority() + path);
  }

  private static String stripTrailingSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private void reject(HttpServerRequest request, Throwable e, String scheme,
      GatewayConfig.Route route,
      long start) {
    request.resume();
    failures.respond(request.response(), e, scheme, route.pathPrefix(), route.scopes(),
        route.acr());
    services.metrics().latency(start);
  }

  private void forward(HttpServerRequest request, String path, GatewayConfig.Route route,
      VerifiedToken token, long start) {
    HttpServerResponse response = request.response();
    UpstreamTarget target = targets.get(route);
    String query = request.query();
    RequestOptions options = new RequestOptions()
        .setMethod(request.method())
        .setHost(target.host())
        .setPort(target.port())
        .setSsl(target.tls())
        .setURI(query == null ? target.basePath() + path : target.basePath() + path + "?" + query)
        .setIdleTimeout(route.upstreamTimeout().toMillis());

    client.request(options)
        .compose(upstreamRequest -> {
          // Written straight into the upstream request's headers: one copy, not two.
          addHeaders(request, token, target, upstreamRequest.headers());
          if (!hasBody(request)) {
            return upstreamRequest.send().andThen(ar -> request.resume());
          }
          if (!request.headers().contains("Content-Length")) {
            upstreamRequest.setChunked(true);
          }
          return upstreamRequest.send(request);
        })
        .onSuccess(upstreamResponse -> relay(upstreamResponse, response, start))
        .onFailure(e -> {
          services.metrics().upstreamError();
          LOG.log(System.Logger.Level.WARNING, "event=upstream_error route={0} error={1}",
              route.pathPrefix(), e.getClass().getSimpleName());
          request.resume();
          AuthFailures.send(response,
              e instanceof java.util.concurrent.TimeoutException
                  || e.getClass().getSimpleName().contains("Timeout") ? 504 : 502,
              "bad_gateway");
          services.metrics().latency(start);
        });
  }

  /** A request without Content-Length or Transfer-Encoding has no body (RFC 9112 section 6.3). */
  private static boolean hasBody(HttpServerRequest request) {
    return request.headers().contains("Content-Length")
        || request.headers().contains("Transfer-Encoding");
  }

  /**
   * The upstream request's headers: the client's, less hop-by-hop and stripped ones, plus {@code
   * X-Forwarded-*}, the identity headers and the configured ones.
   */
  private void addHeaders(HttpServerRequest request, VerifiedToken token, UpstreamTarget target,
      MultiMap out) {
    MultiMap in = request.headers();
    Set<String> connectionListed = connectionTokens(in.getAll("Connection"));
    for (var entry : in) {
      String name = entry.getKey();
      String lower = name.toLowerCase(Locale.ROOT);
      if (HOP_BY_HOP.contains(lower) || connectionListed.contains(lower)
          || stripped.contains(lower)) {
        continue;
      }
      out.add(name, entry.getValue());
    }
    String remote = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    if (remote != null) {
      String prior = in.get(X_FORWARDED_FOR);
      out.set(X_FORWARDED_FOR, prior == null ? remote : prior + ", " + remote);
    }
    out.set(X_FORWARDED_PROTO, request.scheme());
    out.set(subjectHeader, token.subject());
    out.set(issuerHeader, token.issuer());
    token.acr().ifPresent(acr -> out.set(acrHeader, acr));
    Object scope = token.claims().getClaim("scope");
    if (scope instanceof String) {
      // The verifier checked it is a string; forwarded as issued.
      out.set(scopeHeader, (String) scope);
    }
    services.config().headers().add().forEach(out::set);
    out.set(HttpHeaders.HOST, target.hostHeader());
  }

  private void relay(HttpClientResponse upstream, HttpServerResponse response, long start) {
    if (response.closed() || response.ended()) {
      // The client went away while the upstream answered: nothing to relay to. The reset fails
      // the upstream response, which is expected here, not an error to report.
      upstream.exceptionHandler(e -> { });
      upstream.request().reset();
      return;
    }
    response.setStatusCode(upstream.statusCode());
    response.setStatusMessage(upstream.statusMessage());
    Set<String> connectionListed = connectionTokens(upstream.headers().getAll("Connection"));
    for (var entry : upstream.headers()) {
      String lower = entry.getKey().toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(lower) && !connectionListed.contains(lower)) {
        response.headers().add(entry.getKey(), entry.getValue());
      }
    }
    services.metrics().accepted();
    services.metrics().latency(start);
    response.send(upstream).onFailure(e -> upstream.request().reset());
  }

  private static Set<String> connectionTokens(java.util.List<String> values) {
    if (values.isEmpty()) {
      return Set.of(); // the usual case: keep-alive HTTP/1.1 sends no Connection header
    }
    Set<String> tokens = new HashSet<>();
    for (String v : values) {
      for (String t : v.split(",")) {
        tokens.add(t.trim().toLowerCase(Locale.ROOT));
      }
    }
    return tokens;
  }
}
