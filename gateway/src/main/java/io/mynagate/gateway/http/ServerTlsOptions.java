package io.mynagate.gateway.http;

import io.mynagate.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.Optional;
import java.util.Set;

/**
 * TLS for the gateway's own listener, when it terminates TLS itself rather than behind a load
 * balancer. Bearer tokens must not cross a network in clear text (RFC 6750 section 5.3).
 */
final class ServerTlsOptions {
  /** TLS 1.2 and 1.3 only: older versions are broken and refused by RFC 8996. */
  static final Set<String> PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");

  private ServerTlsOptions() {}

  /**
   * @param tls the configured certificate, or empty for plain HTTP
   * @param options the listener's options, changed in place
   * @return {@code options}, with TLS on when {@code tls} is present
   */
  static HttpServerOptions apply(Optional<GatewayConfig.ServerTls> tls,
      HttpServerOptions options) {
    tls.ifPresent(t -> options.setSsl(true)
        .setKeyCertOptions(new PemKeyCertOptions()
            .setCertPath(t.certFile().toString())
            .setKeyPath(t.keyFile().toString()))
        .setEnabledSecureTransportProtocols(PROTOCOLS));
    return options;
  }
}
