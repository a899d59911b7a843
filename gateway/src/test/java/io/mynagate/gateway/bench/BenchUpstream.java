package io.mynagate.gateway.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The upstream API behind the proxies: answers every request with 200 and a small JSON body.
 *
 * <p>Usage: {@code BenchUpstream [--port 0] [--port-file F] [--instances 1]}. It consumes request
 * bodies, so POST and PUT work as well as GET.
 */
public final class BenchUpstream extends VerticleBase {

  static final Buffer BODY = Buffer.buffer("{\"ok\":true,\"service\":\"bench-upstream\"}\n");

  private final int port;
  private HttpServer server;

  BenchUpstream(int port) {
    this.port = port;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
        .requestHandler(BenchUpstream::answer);
    return server.listen();
  }

  int actualPort() {
    return server.actualPort();
  }

  private static void answer(HttpServerRequest request) {
    request.end().onComplete(ignored -> request.response()
        .putHeader("content-type", "application/json")
        .end(BODY));
  }

  /**
   * Starts the upstream on {@code vertx}. With port 0 and several instances, the first instance
   * binds an ephemeral port and the others share it.
   *
   * @return the bound port
   */
  static Future<Integer> deploy(Vertx vertx, int port, int instances) {
    // Port 0 would give every instance its own random port; a negative port makes Vert.x pick one
    // random port shared by all instances of the deployment.
    int listenPort = port == 0 ? -1 : port;
    List<BenchUpstream> started = new CopyOnWriteArrayList<>();
    return vertx.deployVerticle(() -> {
      BenchUpstream verticle = new BenchUpstream(listenPort);
      started.add(verticle);
      return verticle;
    }, new DeploymentOptions().setInstances(Math.max(1, instances))).map(id -> {
      int bound = started.get(0).actualPort();
      for (BenchUpstream verticle : started) {
        if (verticle.actualPort() != bound) {
          throw new IllegalStateException("instances bound different ports");
        }
      }
      return bound;
    });
  }

  /**
   * Runs the upstream until the process is killed.
   *
   * @param args see the class comment
   * @throws Exception when the port cannot be bound
   */
  public static void main(String[] args) throws Exception {
    BenchArgs parsed = BenchArgs.parse(args, "port", "port-file", "instances");
    // The gateway's own Vert.x options (native transport): the comparison is of the checks only.
    Vertx vertx = Vertx.vertx(io.mynagate.gateway.Gateway.vertxOptions());
    int bound = deploy(vertx, parsed.getInt("port", 0), parsed.getInt("instances", 1))
        .await();
    parsed.writePortFile(bound);
    System.out.println("bench upstream listening on 127.0.0.1:" + bound);
  }
}
