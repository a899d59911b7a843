package io.mynagate.gateway.jwks;

import com.nimbusds.jose.jwk.JWKSet;
import io.mynagate.gateway.error.GatewayException;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;

/** Fetches a JWKS document with Vert.x's {@link WebClient}: never blocks the event loop. */
final class HttpJwksSource implements JwksSource {
  private static final int MAX_BYTES = 256 * 1024;

  private final WebClient client;
  private final URI uri;
  private final long timeoutMillis;

  HttpJwksSource(WebClient client, URI uri, Duration timeout) {
    this.client = client;
    this.uri = uri;
    this.timeoutMillis = timeout.toMillis();
  }

  @Override
  public Future<JWKSet> fetch() {
    return client.getAbs(uri.toString())
        .timeout(timeoutMillis)
        .putHeader("Accept", "application/jwk-set+json, application/json")
        .send()
        .compose(response -> {
          if (response.statusCode() != 200) {
            return Future.failedFuture(
                new GatewayException("JWKS endpoint answered HTTP " + response.statusCode()));
          }
          if (response.body() == null || response.body().length() > MAX_BYTES) {
            return Future.failedFuture(new GatewayException("JWKS document empty or too large"));
          }
          try {
            // Public keys only: any private parameters are dropped by toPublicJWKSet().
            return Future.succeededFuture(
                JWKSet.parse(response.bodyAsString()).toPublicJWKSet());
          } catch (ParseException e) {
            return Future.failedFuture(new GatewayException("JWKS document is not valid", e));
          }
        });
  }
}
