package io.mynagate.gateway.jwks;

import com.nimbusds.jose.jwk.JWKSet;
import io.vertx.core.Future;

/** Where an issuer's JWKS comes from. The default fetches it over HTTP with a timeout. */
@FunctionalInterface
public interface JwksSource {
  /**
   * Fetches the current key set without blocking the caller.
   *
   * @return the public keys; a failed future if the endpoint is unreachable or answers badly
   */
  Future<JWKSet> fetch();
}
