package io.mynagate.gateway.http;

import io.mynagate.gateway.config.GatewayConfig;
import io.mynagate.gateway.token.LogoutTokenVerifier;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * One event loop's HTTP server. Several instances share the port; all share the {@link Services}.
 * {@link #start()} returns the listen future, so a failed bind fails the deployment.
 */
public final class GatewayVerticle extends VerticleBase {
  private static final long FORM_LIMIT = 64 * 1024;
  private static final java.util.Set<String> ENDPOINTS = java.util.Set.of(
      GatewayConfig.HEALTH_PATH, GatewayConfig.METRICS_PATH, GatewayConfig.INTROSPECT_PATH,
      GatewayConfig.LOGOUT_PATH);

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

  @Override
  public Future<?> start() {
    GatewayConfig config = services.config();
    client = vertx.createHttpClient(new HttpClientOptions()
            .setKeepAlive(true)
            .setTcpNoDelay(true)
            .setDecompressionSupported(false),
        new PoolOptions().setHttp1MaxSize(256).setMaxWaitQueueSize(4096));
    AuthFailures failures = new AuthFailures(services.metrics(), config.dpop().algorithms());
    ProxyHandler proxy = new ProxyHandler(services, failures, client);
    HealthHandler health = new HealthHandler(services);
    IntrospectionHandler introspection = new IntrospectionHandler(services);
    LogoutHandler logout = new LogoutHandler(services, new LogoutTokenVerifier(
        services.issuers(), services.state(), config.logout().maxTokenAge(), services.clock()));

    Router router = Router.router(vertx);
    router.get(GatewayConfig.HEALTH_PATH).handler(health::handle);
    router.get(GatewayConfig.METRICS_PATH).handler(this::metrics);
    router.post(GatewayConfig.INTROSPECT_PATH)
        .handler(BodyHandler.create(false).setBodyLimit(FORM_LIMIT))
        .handler(introspection::handle);
    router.post(GatewayConfig.LOGOUT_PATH)
        .handler(BodyHandler.create(false).setBodyLimit(FORM_LIMIT))
        .handler(logout::handle);

    server = vertx.createHttpServer(new HttpServerOptions()
        .setHost(config.listen().host())
        .setPort(port)
        .setTcpNoDelay(true)
        .setCompressionSupported(false));
    // The gateway's own endpoints go through the Router; everything else straight to the proxy.
    return server.requestHandler(request -> {
      if (ENDPOINTS.contains(request.path())) {
        router.handle(request);
      } else {
        proxy.handle(request);
      }
    }).listen();
  }

  private void metrics(io.vertx.ext.web.RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(services.metrics().scrape());
  }

  /**
   * @return the bound port (valid after start)
   */
  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    return client.close();
  }
}
