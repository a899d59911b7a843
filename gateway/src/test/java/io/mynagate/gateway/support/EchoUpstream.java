package io.mynagate.gateway.support;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicReference;

/** Upstream that answers 200 with the request it saw (method, path, headers, body length). */
public final class EchoUpstream {
  private final HttpServer server;
  private final AtomicReference<MultiMap> lastHeaders = new AtomicReference<>();

  public EchoUpstream(Vertx vertx) {
    this.server = vertx.createHttpServer().requestHandler(request -> request.body()
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
    return "http://127.0.0.1:" + server.actualPort();
  }

  public MultiMap lastHeaders() {
    return lastHeaders.get();
  }
}
