package io.mynagate.gateway.http;

import io.mynagate.gateway.config.GatewayConfig;
import io.mynagate.gateway.dpop.DpopVerifier;
import io.mynagate.gateway.token.JwsHeaderPolicy;
import io.mynagate.gateway.token.LogoutTokenVerifier;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One event loop's HTTP server. Several instances share the port; all share the {@link Services}.
 * {@link #start()} returns the listen future, so a failed bind fails the deployment.
 */
public final class GatewayVerticle extends VerticleBase {
  /**
   * Bound of a request's header section (all header lines together; Netty's {@code
   * maxHeaderSize}): a token of the documented maximum ({@link JwsHeaderPolicy#MAX_TOKEN_LENGTH})
   * plus a DPoP proof of its maximum ({@link DpopVerifier#MAX_PROOF_LENGTH}) plus Vert.x's default
   * 8 KiB for every other header. With Vert.x's default alone, no token near the documented limit
   * could reach the token check. Beyond it: 431 through {@code AuthFailures}.
   */
  public static final int MAX_HEADER_SIZE = JwsHeaderPolicy.MAX_TOKEN_LENGTH
      + DpopVerifier.MAX_PROOF_LENGTH + HttpServerOptions.DEFAULT_MAX_HEADER_SIZE;

  private final Services services;
  private final int port;
  private HttpServer server;
  private HttpClient client;

  /**
   * @param services shared components
   * @param port the port to bind (0 for any; instances after the first pass the bound port)
   */
  public GatewayVerticle(Services services, int port) {
    this.services = services;
    this.port = port;
  }

  /**
   * The gateway's HTTP server options; the benchmark's plain proxy uses them too, so that the
   * ratio gateway / plain proxy measures the checks and nothing else.
   *
   * @param host the address to bind
   * @param port the port to bind
   * @param idleTimeout idle client connections are closed after this long (zero: never), so
   *     that connections a client opened and left cannot pile up
   * @return HTTP/1.1 server options, with header sections up to {@link #MAX_HEADER_SIZE}
   */
  public static HttpServerOptions serverOptions(String host, int port, Duration idleTimeout) {
    return new HttpServerOptions()
        .setHost(host)
        .setPort(port)
        .setIdleTimeout((int) idleTimeout.toMillis())
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        .setMaxHeaderSize(MAX_HEADER_SIZE)
        .setTcpNoDelay(true)
        .setCompressionSupported(false)
        // HTTP/1.1 only: no h2c-upgrade or WebSocket-extension handler in every connection's
        // pipeline, where they inspect every request (seen in the benchmark's profile).
        .setHttp2ClearTextEnabled(false)
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false);
  }

  /**
   * @return the upstream client's options (keep-alive, no decompression: bodies are relayed)
   */
  public static HttpClientOptions clientOptions() {
    return new HttpClientOptions()
        .setKeepAlive(true)
        .setTcpNoDelay(true)
        .setDecompressionSupported(false);
  }

  /**
   * @param maxConnections upstream connections per event loop
   * @return the upstream connection pool's options
   */
  public static PoolOptions poolOptions(int maxConnections) {
    return new PoolOptions().setHttp1MaxSize(maxConnections).setMaxWaitQueueSize(4096);
  }

  @Override
  public Future<?> start() {
    GatewayConfig config = services.config();
    client = vertx.createHttpClient(
        OutboundTls.trusting(config.outboundCaFile(), clientOptions()), poolOptions(256));
    AuthFailures failures = new AuthFailures(services.metrics(), config.dpop().algorithms());
    ProxyHandler proxy = new ProxyHandler(services, failures, client);
    HealthHandler health = new HealthHandler(services);
    IntrospectionHandler introspection = new IntrospectionHandler(services);
    LogoutHandler logout = new LogoutHandler(services, new LogoutTokenVerifier(
        services.issuers(), services.state(), config.logout().maxTokenAge(), services.clock()));

    server = vertx.createHttpServer(ServerTlsOptions.apply(config.listen().tls(),
        serverOptions(config.listen().host(), port, config.listen().idleTimeout())));
    // The gateway's own four endpoints by exact path; everything else goes to the proxy, whose
    // route table does its own matching.
    // Oversized or malformed requests are refused through the same mapper as every other refusal.
    server.invalidRequestHandler(failures::respondUndecodable);
    return server.requestHandler(request -> {
      switch (request.path()) {
        case GatewayConfig.HEALTH_PATH -> only(HttpMethod.GET, request, health::handle);
        case GatewayConfig.METRICS_PATH -> only(HttpMethod.GET, request, this::metrics);
        case GatewayConfig.INTROSPECT_PATH ->
            only(HttpMethod.POST, request, introspection::handle);
        case GatewayConfig.LOGOUT_PATH -> only(HttpMethod.POST, request, logout::handle);
        default -> proxy.handle(request);
      }
    }).listen();
  }

  private static void only(HttpMethod method, HttpServerRequest request,
      Handler<HttpServerRequest> handler) {
    if (request.method().equals(method)) {
      handler.handle(request);
    } else {
      request.response().putHeader("Allow", method.name());
      AuthFailures.send(request.response(), 405, "method_not_allowed");
    }
  }

  private void metrics(HttpServerRequest request) {
    request.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(services.metrics().scrape());
  }

  /**
   * @return the bound port (valid after start)
   */
  public int actualPort() {
    return server.actualPort();
  }

  /**
   * Stops accepting connections, lets requests in flight finish (each keep-alive connection is
   * closed once its current response is sent) for up to {@code listen.shutdownGracePeriod}, then
   * closes the upstream pool: a rolling restart loses no request that was already accepted.
   */
  @Override
  public Future<?> stop() {
    long grace = services.config().listen().shutdownGracePeriod().toMillis();
    return server.shutdown(grace, TimeUnit.MILLISECONDS).eventually(() -> client.close());
  }
}
