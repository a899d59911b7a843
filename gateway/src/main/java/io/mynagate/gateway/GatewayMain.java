package io.mynagate.gateway;

import io.mynagate.gateway.config.ConfigException;
import io.mynagate.gateway.config.ConfigLoader;
import io.mynagate.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Command-line entry point: {@code GatewayMain --config FILE}. Starts the gateway and prints
 * {@code gateway listening on HOST:PORT} (one line on standard output) once the port is bound;
 * tests and scripts parse that line when the configured port is 0.
 */
public final class GatewayMain {
  private static final System.Logger LOG = System.getLogger(GatewayMain.class.getName());

  private GatewayMain() {}

  /**
   * @param args {@code --config FILE}
   * @throws InterruptedException if interrupted while running
   */
  public static void main(String[] args) throws InterruptedException {
    Path configFile = null;
    for (int i = 0; i < args.length; i++) {
      if ("--config".equals(args[i]) && i + 1 < args.length) {
        configFile = Path.of(args[++i]);
      } else if (args[i].startsWith("--config=")) {
        configFile = Path.of(args[i].substring("--config=".length()));
      } else {
        usage("unknown argument: " + args[i]);
      }
    }
    if (configFile == null) {
      usage("missing --config FILE");
    }
    GatewayConfig config;
    try {
      config = ConfigLoader.load(configFile);
    } catch (ConfigException e) {
      System.err.println("gateway: " + e.getMessage());
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx(Gateway.vertxOptions());
    LOG.log(System.Logger.Level.INFO, "event=vertx_started native_transport={0}",
        vertx.isNativeTransportEnabled());
    Gateway gateway;
    try {
      gateway = Gateway.start(vertx, config).await();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.ERROR, "gateway failed to start: {0}", e.toString());
      System.err.println("gateway: failed to start: " + e.getMessage());
      vertx.close();
      System.exit(1);
      return;
    }
    System.out.println("gateway listening on " + config.listen().host() + ":" + gateway.port());
    System.out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // Straight to standard error, where the default log handler writes too: java.util.logging
      // resets its handlers in a shutdown hook of its own, which may run first.
      System.err.println("gateway: event=stopping gracePeriodMillis="
          + config.listen().shutdownGracePeriod().toMillis());
      gateway.close().await();
      vertx.close().await();
      System.err.println("gateway: event=stopped");
      stopped.countDown();
    }, "gateway-shutdown"));
    stopped.await();
  }

  private static void usage(String problem) {
    System.err.println("gateway: " + problem);
    System.err.println("usage: gateway --config FILE   (YAML or JSON, see gateway/README.md)");
    System.exit(2);
  }
}
