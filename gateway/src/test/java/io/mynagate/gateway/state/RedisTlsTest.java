package io.mynagate.gateway.state;

import io.mynagate.gateway.support.GatewayFixture;
import io.mynagate.gateway.support.LogCapture;
import io.mynagate.gateway.support.RedisServer;
import io.mynagate.gateway.support.RedisSupport;
import io.mynagate.gateway.support.SharedDenyList;
import io.mynagate.gateway.support.StoreChecks;
import io.mynagate.gateway.support.TestCa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gateways reach a TLS-only Redis of their own (a real {@code redis-server}) through
 * {@code rediss://}: the server certificate must chain to {@code redis.tls.caFile} and name the
 * host of {@code redis.uri}; a client certificate is sent when Redis asks for one.
 */
class RedisTlsTest {
  /** The name in {@code redis.uri}; {@code /etc/hosts} maps it to 127.0.0.1. */
  private static final String HOST = "localhost";
  /** A TLS handshake on a cold JVM can take longer than the suite's usual 300 ms. */
  private static final String TIMEOUT = "5s";

  @TempDir
  static Path pki;
  private static TestCa ca;
  private static Path caFile;
  private static TestCa.PemFiles server;

  @TempDir
  Path dir;

  @BeforeAll
  static void issueCertificates() {
    ca = TestCa.create("redis-test");
    caFile = ca.writeCertificate(pki);
    server = ca.issueServer(pki, "redis-server", HOST);
  }

  private static Map<String, Object> redisConfig(RedisServer redis, Map<String, Object> tls) {
    Map<String, Object> config = RedisSupport.config("rediss://" + HOST + ":" + redis.port(),
        RedisSupport.uniquePrefix(), "closed");
    config.put("timeout", TIMEOUT);
    config.put("tls", tls);
    return config;
  }

  private static Map<String, Object> trusting(Path ca) {
    Map<String, Object> tls = new LinkedHashMap<>();
    tls.put("caFile", ca.toString());
    return tls;
  }

  private static Map<String, Object> withClientCertificate(TestCa.PemFiles client) {
    Map<String, Object> tls = trusting(caFile);
    tls.put("certFile", client.certFile().toString());
    tls.put("keyFile", client.keyFile().toString());
    return tls;
  }

  private static GatewayFixture gateway(Map<String, Object> redisConfig) {
    return GatewayFixture.start(f -> f.config.put("redis", redisConfig));
  }

  private static void assertUnreachableBecauseOfTls(Map<String, Object> redisConfig)
      throws InterruptedException {
    try (LogCapture log = LogCapture.start("io.mynagate");
        GatewayFixture gw = gateway(redisConfig)) {
      log.awaitLine(10_000, "event=redis_unreachable", "error=tls_handshake_failed");
      StoreChecks.assertFailsClosed(gw);
    }
  }

  @Test
  void trustedCaAndMatchingHostNameCarryTheDenyListAcrossGateways() throws Exception {
    try (RedisServer redis = RedisServer.tls(dir, server, caFile, false)) {
      Map<String, Object> config = redisConfig(redis, trusting(caFile));
      SharedDenyList.assertTwoGatewaysShareIt(config, 10_000);
    }
  }

  @Test
  void serverCertificateFromAnUnknownCaIsRefused() throws Exception {
    TestCa stranger = TestCa.create("stranger");
    Path strangerDir = Files.createDirectory(dir.resolve("stranger"));
    try (RedisServer redis = RedisServer.tls(dir,
        stranger.issueServer(strangerDir, "redis-server", HOST), caFile, false)) {
      assertUnreachableBecauseOfTls(redisConfig(redis, trusting(caFile)));
    }
  }

  @Test
  void withoutCaFileOnlyTheJvmTrustStoreIsTrusted() throws Exception {
    try (RedisServer redis = RedisServer.tls(dir, server, caFile, false)) {
      assertUnreachableBecauseOfTls(redisConfig(redis, Map.of()));
    }
  }

  @Test
  void serverCertificateForAnotherHostNameIsRefused() throws Exception {
    try (RedisServer redis = RedisServer.tls(dir,
        ca.issueServer(dir, "other-host", "redis.other.example"), caFile, false)) {
      assertUnreachableBecauseOfTls(redisConfig(redis, trusting(caFile)));
    }
  }

  @Test
  void clientCertificateIsSentWhenRedisRequiresOne() throws Exception {
    try (RedisServer redis = RedisServer.tls(dir, server, caFile, true);
        GatewayFixture gw = gateway(redisConfig(redis,
            withClientCertificate(ca.issueClient(dir, "myna-gateway"))))) {
      StoreChecks.awaitReachable(gw, 10_000);
    }
  }

  @Test
  void missingClientCertificateIsRefusedWhenRedisRequiresOne() throws Exception {
    try (RedisServer redis = RedisServer.tls(dir, server, caFile, true)) {
      assertUnreachableBecauseOfTls(redisConfig(redis, trusting(caFile)));
    }
  }

  @Test
  void aclUserPasswordAndClientCertificateOverTlsWorkTogether() throws Exception {
    String password = "pw-3e5d0b7a-tls";
    try (RedisServer redis = RedisServer.tls(dir, server, caFile, true,
        "--user", "default", "off", "--user", "myna-gateway", "on", ">" + password,
        "~myna:gw:*", "+@all")) {
      Map<String, Object> config = redisConfig(redis,
          withClientCertificate(ca.issueClient(dir, "myna-gateway")));
      config.put("user", "myna-gateway");
      config.put("passwordFile",
          Files.writeString(dir.resolve("redis-password"), password + "\n").toString());
      SharedDenyList.assertTwoGatewaysShareIt(config, 10_000);
    }
  }
}
