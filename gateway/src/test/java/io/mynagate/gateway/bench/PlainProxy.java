package io.mynagate.gateway.bench;

import io.mynagate.gateway.config.GatewayConfig;
import io.mynagate.gateway.http.GatewayVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A reverse proxy that checks nothing: the throughput ceiling for the gateway.
 *
 * <p>It does what any Vert.x reverse proxy must do and nothing more: one {@link HttpClient} with
 * a keep-alive pool per event loop, the inbound request paused and streamed to the upstream,
 * hop-by-hop headers (RFC 9110 section 7.6.1) dropped in both directions, the upstream response
 * streamed back. The gateway adds token checks on top of the same work, so the ratio
 * gateway/plain proxy isolates the cost of the checks.
 *
 * <p>Usage: {@code PlainProxy --upstream http://127.0.0.1:P [--port 0] [--port-file F]
 * [--instances N] [--pool-size 256]}.
 */
public final class PlainProxy extends VerticleBase {

  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive",
      "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade",
      "host");

  private final URI upstream;
  private final int port;
  private final int poolSize;
  private HttpServer server;
  private HttpClient client;

  PlainProxy(URI upstream, int port, int poolSize) {
    this.upstream = upstream;
    this.port = port;
    this.poolSize = poolSize;
  }

  @Override
  public Future<?> start() {
    // The gateway's own client and server options, so that the ratio gateway / plain proxy
    // measures the checks and nothing else.
    client = vertx.createHttpClient(GatewayVerticle.clientOptions()
        .setDefaultHost(upstream.getHost()).setDefaultPort(upstream.getPort()),
        GatewayVerticle.poolOptions(poolSize));
    server = vertx.createHttpServer(GatewayVerticle.serverOptions("127.0.0.1", port,
        GatewayConfig.Listen.DEFAULT_IDLE_TIMEOUT))
        .requestHandler(this::forward);
    return server.listen();
  }

  int actualPort() {
    return server.actualPort();
  }

  private void forward(HttpServerRequest inbound) {
    inbound.pause();
    RequestOptions options = new RequestOptions().setMethod(inbound.method())
        .setURI(inbound.uri());
    client.request(options).onComplete(opened -> {
      if (opened.failed()) {
        badGateway(inbound);
        return;
      }
      HttpClientRequest outbound = opened.result();
      copyEndToEnd(inbound.headers(), outbound.headers());
      // As the gateway does: a request without Content-Length or Transfer-Encoding has no body
      // (RFC 9112 section 6.3), so it is sent as is, not piped (which would add a chunked body).
      boolean body = inbound.headers().contains("Content-Length")
          || inbound.headers().contains("Transfer-Encoding");
      Future<HttpClientResponse> sent = body ? outbound.send(inbound)
          : outbound.send().andThen(ar -> inbound.resume());
      sent.onComplete(answered -> {
        if (answered.failed()) {
          badGateway(inbound);
          return;
        }
        relay(answered.result(), inbound.response());
      });
    });
  }

  private static void relay(HttpClientResponse fromUpstream, HttpServerResponse toClient) {
    toClient.setStatusCode(fromUpstream.statusCode());
    copyEndToEnd(fromUpstream.headers(), toClient.headers());
    toClient.send(fromUpstream);
  }

  private static void copyEndToEnd(MultiMap from, MultiMap to) {
    from.forEach((name, value) -> {
      if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
        to.add(name, value);
      }
    });
  }

  private static void badGateway(HttpServerRequest inbound) {
    inbound.resume();
    if (!inbound.response().headWritten()) {
      inbound.response().setStatusCode(502).end();
    }
  }

  /**
   * Starts the proxy on {@code vertx}, one verticle (server + client pool) per instance.
   *
   * @return the bound port
   */
  static Future<Integer> deploy(Vertx vertx, URI upstream, int port, int instances,
      int poolSize) {
    // Port 0 would give every instance its own random port; a negative port makes Vert.x pick one
    // random port shared by all instances of the deployment.
    int listenPort = port == 0 ? -1 : port;
    List<PlainProxy> started = new CopyOnWriteArrayList<>();
    return vertx.deployVerticle(() -> {
      PlainProxy verticle = new PlainProxy(upstream, listenPort, poolSize);
      started.add(verticle);
      return verticle;
    }, new DeploymentOptions().setInstances(Math.max(1, instances))).map(id -> {
      int bound = started.get(0).actualPort();
      for (PlainProxy verticle : started) {
        if (verticle.actualPort() != bound) {
          throw new IllegalStateException("instances bound different ports");
        }
      }
      return bound;
    });
  }

  /**
   * Runs the proxy until the process is killed.
   *
   * @param args see the class comment
   * @throws Exception when the port cannot be bound
   */
  public static void main(String[] args) throws Exception {
    BenchArgs parsed = BenchArgs.parse(args, "upstream", "port", "port-file", "instances",
        "pool-size");
    URI upstream = URI.create(parsed.require("upstream"));
    int instances = parsed.getInt("instances", Runtime.getRuntime().availableProcessors());
    // The gateway's own Vert.x options (native transport): the comparison is of the checks only.
    Vertx vertx = Vertx.vertx(io.mynagate.gateway.Gateway.vertxOptions());
    int bound = deploy(vertx, upstream, parsed.getInt("port", 0), instances,
        parsed.getInt("pool-size", 256)).await();
    parsed.writePortFile(bound);
    System.out.println("plain proxy listening on 127.0.0.1:" + bound + " -> " + upstream
        + " (" + instances + " event-loop instances)");
  }
}
