package io.mynagate.gateway.support;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicReference;

/** Upstream that answers 200 with the request it saw (method, path, headers, body length). */
public final class EchoUpstream {
  private final HttpServer server;
  private final String scheme;
  private final AtomicReference<MultiMap> lastHeaders = new AtomicReference<>();

  public EchoUpstream(Vertx vertx) {
    this(vertx, new HttpServerOptions());
  }

  /** An upstream with these server options, e.g. TLS with a certificate of a test CA. */
  public EchoUpstream(Vertx vertx, HttpServerOptions options) {
    this.scheme = options.isSsl() ? "https" : "http";
    this.server = vertx.createHttpServer(options).requestHandler(request -> request.body()
        .onSuccess(body -> {
          lastHeaders.set(MultiMap.caseInsensitiveMultiMap().addAll(request.headers()));
          JsonObject headers = new JsonObject();
          request.headers().forEach(e -> headers.put(e.getKey().toLowerCase(), e.getValue()));
          request.response().putHeader("Content-Type", "application/json")
              .putHeader("Connection", "keep-alive, X-Upstream-Hop")
              .putHeader("X-Upstream-Hop", "must-not-reach-client")
              .end(new JsonObject().put("method", request.method().name())
                  .put("uri", request.uri()).put("headers", headers)
                  .put("bodyLength", body.length()).encode());
        })).listen(0, "127.0.0.1").await();
  }

  public String url() {
    return url("127.0.0.1");
  }

  /** The base URL under this host name (it listens on 127.0.0.1 whatever the name). */
  public String url(String host) {
    return scheme + "://" + host + ":" + server.actualPort();
  }

  public MultiMap lastHeaders() {
    return lastHeaders.get();
  }
}
