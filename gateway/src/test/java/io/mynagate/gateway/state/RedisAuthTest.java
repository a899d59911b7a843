package io.mynagate.gateway.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.gateway.support.GatewayFixture;
import io.mynagate.gateway.support.LogCapture;
import io.mynagate.gateway.support.RedisServer;
import io.mynagate.gateway.support.RedisSupport;
import io.mynagate.gateway.support.SharedDenyList;
import io.mynagate.gateway.support.StoreChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gateways log in to a password-protected Redis of their own (a real {@code redis-server}) with
 * the password read from {@code redis.passwordFile}.
 */
class RedisAuthTest {
  private static final String PASSWORD = "pw-0f6c1e9a-redis-auth-test";
  private static final String GATEWAY_USER = "myna-gateway";
  /** The commands the gateway needs, on its own keys only: the ACL the README recommends. */
  private static final List<String> GATEWAY_ACL = List.of("on", ">" + PASSWORD, "~myna:gw:*",
      "resetchannels", "-@all", "+get", "+set", "+eval", "+incr", "+zadd",
      "+zremrangebyrank", "+zremrangebyscore", "+zrangebyscore", "+pexpire");

  @TempDir
  Path dir;

  private Map<String, Object> redisConfig(RedisServer redis, String prefix, String password)
      throws IOException {
    Map<String, Object> config = RedisSupport.config("redis://127.0.0.1:" + redis.port(), prefix,
        "closed");
    config.put("passwordFile",
        Files.writeString(dir.resolve("redis-password"), password + "\n").toString());
    return config;
  }

  private static GatewayFixture gateway(Map<String, Object> redisConfig) {
    return GatewayFixture.start(f -> f.config.put("redis", redisConfig));
  }

  @Test
  void logoutAtOneGatewayIsEnforcedByAnotherWithThePasswordFromAFile() throws Exception {
    try (RedisServer redis = RedisServer.plain(dir, "--requirepass", PASSWORD)) {
      Map<String, Object> config = redisConfig(redis, RedisSupport.uniquePrefix(), PASSWORD);
      SharedDenyList.assertTwoGatewaysShareIt(config, 5000);
    }
  }

  @Test
  void wrongPasswordMakesRedisUnreachableAndIsNeverLogged() throws Exception {
    String wrong = "pw-wrong-7d2b94c3";
    LogCapture log = LogCapture.start("");
    try (log; RedisServer redis = RedisServer.plain(dir, "--requirepass", PASSWORD);
        GatewayFixture gw = gateway(redisConfig(redis, RedisSupport.uniquePrefix(), wrong))) {
      log.awaitLine(5000, "event=redis_unreachable", "failMode=CLOSED", "error=auth_failed");
      StoreChecks.assertFailsClosed(gw);
    }
    assertThat(log.text()).doesNotContain(wrong).doesNotContain(PASSWORD);
  }

  @Test
  void missingPasswordMakesRedisUnreachable() throws Exception {
    try (RedisServer redis = RedisServer.plain(dir, "--requirepass", PASSWORD);
        LogCapture log = LogCapture.start("io.mynagate");
        GatewayFixture gw = gateway(RedisSupport.config("redis://127.0.0.1:" + redis.port(),
            RedisSupport.uniquePrefix(), "closed"))) {
      log.awaitLine(5000, "event=redis_unreachable", "error=auth_failed");
      StoreChecks.assertFailsClosed(gw);
    }
  }

  @Test
  void aclUserWithOnlyTheCommandsTheGatewayNeedsWorks() throws Exception {
    List<String> options = new ArrayList<>(List.of("--user", "default", "off",
        "--user", GATEWAY_USER));
    options.addAll(GATEWAY_ACL);
    try (RedisServer redis = RedisServer.plain(dir, options.toArray(String[]::new))) {
      Map<String, Object> config = redisConfig(redis, RedisSupport.uniquePrefix(), PASSWORD);
      config.put("user", GATEWAY_USER);
      try (LogCapture log = LogCapture.start("io.mynagate")) {
        SharedDenyList.assertTwoGatewaysShareIt(config, 5000);
        assertThat(log.text()).as("no command refused").doesNotContain("redis_unreachable");
      }
    }
  }

  @Test
  void aclUserDeniedACommandMakesRedisUnreachableAndTheLogSaysSo() throws Exception {
    List<String> options = new ArrayList<>(List.of("--user", "default", "off",
        "--user", GATEWAY_USER));
    options.addAll(GATEWAY_ACL);
    options.add("-zrangebyscore");
    try (RedisServer redis = RedisServer.plain(dir, options.toArray(String[]::new))) {
      Map<String, Object> config = redisConfig(redis, RedisSupport.uniquePrefix(), PASSWORD);
      config.put("user", GATEWAY_USER);
      try (LogCapture log = LogCapture.start("io.mynagate"); GatewayFixture gw = gateway(config)) {
        log.awaitLine(5000, "event=redis_unreachable", "error=no_permission");
        StoreChecks.assertFailsClosed(gw);
      }
    }
  }

  @Test
  void aclUserWithWrongPasswordIsRefused() throws Exception {
    try (RedisServer redis = RedisServer.plain(dir, "--user", GATEWAY_USER, "on",
        ">" + PASSWORD, "~*", "+@all")) {
      Map<String, Object> config = redisConfig(redis, RedisSupport.uniquePrefix(), "pw-wrong");
      config.put("user", GATEWAY_USER);
      try (LogCapture log = LogCapture.start("io.mynagate"); GatewayFixture gw = gateway(config)) {
        log.awaitLine(5000, "event=redis_unreachable", "error=auth_failed");
        StoreChecks.assertFailsClosed(gw);
      }
    }
  }
}
