package io.mynagate.gateway;

import io.mynagate.gateway.config.GatewayConfig;
import io.mynagate.gateway.jwks.JwksSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.util.Map;

/**
 * A running gateway: {@link #start} deploys it into a Vert.x instance, {@link #close} undeploys
 * it. Several gateways (in one or several processes) share logouts and replay caches through
 * Redis when configured.
 */
public interface Gateway {
  /**
   * @return the bound port
   */
  int port();

  /**
   * @return completes when the verticles are undeployed and timers and connections closed
   */
  Future<Void> close();

  /**
   * The Vert.x options the gateway runs with: the native (epoll) transport where it loads, which
   * saves system-call and copy work per request on Linux; otherwise the JDK's NIO transport.
   *
   * @return options for {@link Vertx#vertx(VertxOptions)}
   */
  static VertxOptions vertxOptions() {
    return new VertxOptions().setPreferNativeTransport(true);
  }

  /**
   * Starts a gateway with the JWKS fetched over HTTP and the system clock.
   *
   * @param vertx the Vert.x instance to deploy into
   * @param config the validated configuration
   * @return the running gateway; fails if the port cannot be bound
   */
  static Future<Gateway> start(Vertx vertx, GatewayConfig config) {
    return GatewayLauncher.start(vertx, config, Map.of(), Clock.systemUTC());
  }

  /**
   * Starts a gateway with replaced key sources or clock (tests, embedding).
   *
   * @param vertx the Vert.x instance to deploy into
   * @param config the validated configuration
   * @param jwksSources key sources by issuer; issuers not listed use HTTP
   * @param clock time source for token checks
   * @return the running gateway; fails if the port cannot be bound
   */
  static Future<Gateway> start(Vertx vertx, GatewayConfig config,
      Map<String, JwksSource> jwksSources, Clock clock) {
    return GatewayLauncher.start(vertx, config, jwksSources, clock);
  }
}
