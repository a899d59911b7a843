package io.mynagate.gateway.state;

import io.mynagate.gateway.config.GatewayConfig;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.redis.client.RedisOptions;

/** Vert.x Redis client options for the configured endpoint, credentials and TLS. */
final class RedisClientOptions {
  /**
   * RFC 2818 section 3.1 / RFC 6125 name check of the server certificate against the host in
   * {@code redis.uri}. Always on: without it any certificate from a trusted CA would do (Vert.x 5
   * refuses TLS until a choice is made, and {@code ""} would mean none).
   */
  private static final String VERIFY_HOST_NAME = "HTTPS";

  private RedisClientOptions() {}

  static RedisOptions of(GatewayConfig.Redis config) {
    // The connection string never holds credentials (ConfigLoader refuses them), so whatever
    // logs it shows no password; the password travels only in the HELLO (or AUTH) command.
    RedisOptions options = new RedisOptions()
        .setConnectionString(config.uri())
        .setMaxPoolSize(8)
        .setMaxPoolWaiting(1024)
        .setMaxWaitingHandlers(4096);
    config.auth().ifPresent(auth -> options.setUser(auth.user()).setPassword(auth.password()));
    config.tls().ifPresent(tls -> useTls(options.getNetClientOptions(), tls));
    return options;
  }

  /**
   * Set on the client's own options, so each connection is TLS from its first byte with exactly
   * these settings; with {@code ssl} off the Redis client would connect in plain and upgrade.
   */
  private static void useTls(NetClientOptions net, GatewayConfig.RedisTls tls) {
    net.setSsl(true).setHostnameVerificationAlgorithm(VERIFY_HOST_NAME);
    tls.caFile().ifPresent(ca -> net.setTrustOptions(
        new PemTrustOptions().addCertPath(ca.toString())));
    if (tls.certFile().isPresent() && tls.keyFile().isPresent()) {
      net.setKeyCertOptions(new PemKeyCertOptions()
          .setCertPath(tls.certFile().get().toString())
          .setKeyPath(tls.keyFile().get().toString()));
    }
  }
}
