package io.mynagate.gateway.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway {@code redis-server} on a free loopback port, in its own directory, that persists
 * nothing. Fails (never skips) when the binary is missing: {@code scripts/test.sh} installs it.
 */
public final class RedisServer implements AutoCloseable {
  private static final long READY_TIMEOUT_MILLIS = 10_000;
  private final Process process;
  private final Path log;
  private final int port;

  private RedisServer(Path dir, int port, List<String> options) {
    this.port = port;
    this.log = dir.resolve("redis-" + port + ".log");
    List<String> command = new ArrayList<>(List.of("redis-server",
        "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no",
        "--dir", dir.toString(), "--logfile", log.toString()));
    command.addAll(options);
    try {
      this.process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(dir.resolve("redis-" + port + ".out").toFile()).start();
    } catch (IOException e) {
      throw new AssertionError("cannot run redis-server (scripts/test.sh installs it): " + e, e);
    }
    awaitReady();
  }

  /**
   * Plain TCP.
   *
   * @param dir a directory of the test's own
   * @param options further {@code redis-server} options, e.g. {@code --requirepass}
   */
  public static RedisServer plain(Path dir, String... options) {
    int port = freePort();
    List<String> all = new ArrayList<>(List.of("--port", String.valueOf(port)));
    all.addAll(List.of(options));
    return new RedisServer(dir, port, all);
  }

  /**
   * TLS only (no plain port).
   *
   * @param dir a directory of the test's own
   * @param server the server's certificate and key
   * @param clientCa CA file for client certificates (Redis needs one even when not asking)
   * @param requireClientCertificate Redis {@code tls-auth-clients yes}
   * @param options further {@code redis-server} options
   */
  public static RedisServer tls(Path dir, TestCa.PemFiles server, Path clientCa,
      boolean requireClientCertificate, String... options) {
    int port = freePort();
    List<String> all = new ArrayList<>(List.of("--port", "0", "--tls-port", String.valueOf(port),
        "--tls-cert-file", server.certFile().toString(),
        "--tls-key-file", server.keyFile().toString(),
        "--tls-ca-cert-file", clientCa.toString(),
        "--tls-auth-clients", requireClientCertificate ? "yes" : "no"));
    all.addAll(List.of(options));
    return new RedisServer(dir, port, all);
  }

  public int port() {
    return port;
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MILLIS);
    while (!logText().contains("Ready to accept connections")) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        close();
        throw new AssertionError("redis-server on port " + port + " did not become ready:\n"
            + logText());
      }
      sleep(20);
    }
  }

  private String logText() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the server and waits until it is gone. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
