package io.mynagate.gateway.http;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.PemTrustOptions;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Trust for the gateway's outgoing TLS connections (upstreams and JWKS URIs). Banks run their
 * APIs and identity provider under an internal CA: when one is configured, only it is trusted, so
 * a certificate from any public CA for an internal name is refused. Host names are always
 * verified (Vert.x's default, restated here so that no caller can lose it).
 */
public final class OutboundTls {
  private OutboundTls() {}

  /**
   * @param caFile the CA certificates (PEM) to trust alone, or empty for the JVM's trust store
   * @param options client options, changed in place
   * @return {@code options}
   * @param <T> the options' type (also {@code WebClientOptions})
   */
  public static <T extends HttpClientOptions> T trusting(Optional<Path> caFile, T options) {
    options.setVerifyHost(true);
    options.setEnabledSecureTransportProtocols(ServerTlsOptions.PROTOCOLS);
    caFile.ifPresent(ca -> options.setTrustOptions(new PemTrustOptions()
        .addCertPath(ca.toString())));
    return options;
  }
}
