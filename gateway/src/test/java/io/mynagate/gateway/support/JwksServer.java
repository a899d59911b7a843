package io.mynagate.gateway.support;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A JWKS endpoint on an ephemeral port whose key set and availability tests control. */
public final class JwksServer {
  private final HttpServer server;
  private final AtomicInteger fetches = new AtomicInteger();
  private volatile JWKSet keys = new JWKSet();
  private volatile boolean down;

  public JwksServer(Vertx vertx) {
    this.server = vertx.createHttpServer().requestHandler(request -> {
      fetches.incrementAndGet();
      if (down) {
        request.response().setStatusCode(503).end();
        return;
      }
      request.response().putHeader("Content-Type", "application/jwk-set+json")
          .end(keys.toString(true));
    }).listen(0, "127.0.0.1").await();
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/certs";
  }

  /** Publishes the public halves of these keys. */
  public void publish(JWK... jwks) {
    this.keys = new JWKSet(List.of(jwks)).toPublicJWKSet();
  }

  public void down(boolean down) {
    this.down = down;
  }

  public int fetches() {
    return fetches.get();
  }
}
