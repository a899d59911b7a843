package io.mynagate.gateway.support;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A JWKS endpoint on an ephemeral port whose key set and availability tests control. */
public final class JwksServer {
  private final HttpServer server;
  private final String scheme;
  private final AtomicInteger fetches = new AtomicInteger();
  private volatile JWKSet keys = new JWKSet();
  private volatile boolean down;

  public JwksServer(Vertx vertx) {
    this(vertx, new HttpServerOptions());
  }

  /** A JWKS endpoint with these server options, e.g. TLS with a certificate of a test CA. */
  public JwksServer(Vertx vertx, HttpServerOptions options) {
    this.scheme = options.isSsl() ? "https" : "http";
    this.server = vertx.createHttpServer(options).requestHandler(request -> {
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
    return scheme + "://127.0.0.1:" + server.actualPort() + "/certs";
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
