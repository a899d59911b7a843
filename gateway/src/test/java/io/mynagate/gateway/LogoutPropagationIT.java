package io.mynagate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.mynagate.gateway.support.EchoUpstream;
import io.mynagate.gateway.support.JwksServer;
import io.mynagate.gateway.support.RedisSupport;
import io.mynagate.gateway.support.TestKeys;
import io.mynagate.gateway.support.Tokens;
import com.nimbusds.jose.jwk.RSAKey;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateway processes started with {@code bin/gateway}, one Redis on loopback (the real one;
 * the test fails without it): a back-channel logout sent to one makes both reject the session's
 * tokens within one second. The measured times are printed.
 */
class LogoutPropagationIT {
  private static final Pattern LISTENING = Pattern.compile("gateway listening on [^:]+:(\\d+)");
  private static Vertx vertx;
  private static JwksServer jwks;
  private static EchoUpstream upstream;
  private static WebClient client;
  private static final RSAKey KEY = TestKeys.rsa("rsa-it");
  private static final List<Process> processes = new ArrayList<>();
  private static int portA;
  private static int portB;
  private static String issuer;

  @BeforeAll
  static void startTwoGateways() throws Exception {
    vertx = Vertx.vertx();
    jwks = new JwksServer(vertx);
    jwks.publish(KEY);
    upstream = new EchoUpstream(vertx);
    client = WebClient.create(vertx);
    issuer = "http://127.0.0.1:1" + Tokens.ISSUER_PATH;
    String prefix = RedisSupport.uniquePrefix();
    Path dir = Files.createDirectories(Path.of("target", "it-logout"));
    Path config = dir.resolve("gateway.yaml");
    Files.writeString(config, String.join("\n",
        "listen: {host: 127.0.0.1, port: 0}",
        "instances: 1",
        "issuers:",
        "  - issuer: " + issuer,
        "    jwksUri: " + jwks.url(),
        "    logoutAudiences: [gateway]",
        "routes:",
        "  - pathPrefix: /api/",
        "    upstream: " + upstream.url(),
        "    audience: api",
        "redis:",
        "  uri: " + RedisSupport.URI,
        "  keyPrefix: \"" + prefix + "\"",
        "  failMode: closed",
        "logout: {denyFor: 120s}",
        ""));
    CompletableFuture<Integer> a = start(config, dir.resolve("a.log"));
    CompletableFuture<Integer> b = start(config, dir.resolve("b.log"));
    portA = a.get(60, TimeUnit.SECONDS);
    portB = b.get(60, TimeUnit.SECONDS);
  }

  private static CompletableFuture<Integer> start(Path config, Path log) throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    Path script = root.resolve("bin/gateway");
    assertThat(script).isExecutable();
    Process process = new ProcessBuilder(script.toString(), "--config",
        config.toAbsolutePath().toString())
        .redirectError(log.toFile())
        .start();
    processes.add(process);
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            port.complete(Integer.parseInt(m.group(1)));
          }
        }
        port.completeExceptionally(new AssertionError("gateway exited; see " + log));
      } catch (IOException e) {
        port.completeExceptionally(e);
      }
    }, "gateway-stdout");
    reader.setDaemon(true);
    reader.start();
    return port;
  }

  @AfterAll
  static void stop() throws Exception {
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    if (vertx != null) {
      vertx.close().await();
    }
  }

  private static int status(int port, String token) {
    return client.get(port, "127.0.0.1", "/api/x").putHeader("Authorization", token).send()
        .await().statusCode();
  }

  @Test
  void logoutAtOneGatewayIsEnforcedByBothWithinOneSecond() throws Exception {
    JWTClaimsSet claims = Tokens.accessClaims(issuer).build();
    String token = "Bearer " + Tokens.sign(KEY, claims);
    assertThat(status(portA, token)).isEqualTo(200);
    assertThat(status(portB, token)).isEqualTo(200);
    assertThat(client.get(portB, "127.0.0.1", "/health").send().await().bodyAsJsonObject()
        .getJsonObject("store").getBoolean("reachable")).as("Redis reachable").isTrue();

    // Warm-up: a running gateway has handled logouts before (JIT, Redis connections); the
    // measurement below is then about propagation, not about a cold JVM.
    for (int port : new int[] {portA, portB}) {
      String other = Tokens.signLogout(KEY, Tokens.logoutClaims(issuer, "warm-up-" + port,
          "warm-up").build());
      assertThat(client.post(port, "127.0.0.1", "/backchannel-logout")
          .sendForm(MultiMap.caseInsensitiveMultiMap().add("logout_token", other)).await()
          .statusCode()).isEqualTo(200);
    }
    assertThat(status(portA, token)).isEqualTo(200);
    assertThat(status(portB, token)).isEqualTo(200);

    String logout = Tokens.signLogout(KEY, Tokens.logoutClaims(issuer,
        (String) claims.getClaim("sid"), claims.getSubject()).build());
    long sent = System.nanoTime();
    int logoutStatus = client.post(portA, "127.0.0.1", "/backchannel-logout")
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("logout_token", logout)).await()
        .statusCode();
    long acknowledged = System.nanoTime();
    assertThat(logoutStatus).isEqualTo(200);

    long deniedA = -1;
    long deniedB = -1;
    while ((deniedA < 0 || deniedB < 0) && System.nanoTime() - sent < 3_000_000_000L) {
      if (deniedA < 0 && status(portA, token) == 401) {
        deniedA = System.nanoTime() - sent;
      }
      if (deniedB < 0 && status(portB, token) == 401) {
        deniedB = System.nanoTime() - sent;
      }
      Thread.sleep(5);
    }
    System.out.printf("back-channel logout propagation: logout acknowledged after %.1f ms; "
        + "gateway A (received it) rejects after %.1f ms; gateway B after %.1f ms%n",
        (acknowledged - sent) / 1e6, deniedA / 1e6, deniedB / 1e6);
    assertThat(deniedA).as("A denies").isPositive().isLessThan(1_000_000_000L);
    assertThat(deniedB).as("B denies").isPositive().isLessThan(1_000_000_000L);
  }
}
