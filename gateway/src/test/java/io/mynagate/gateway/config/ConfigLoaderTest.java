package io.mynagate.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.gateway.support.TestCa;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final String REDIS_PASSWORD = "pw-9c41d27e-config-test";
  private static final String MINIMAL = String.join("\n",
      "issuers:",
      "  - issuer: https://idp.example/realms/myna",
      "    jwksUri: https://idp.example/realms/myna/certs",
      "routes:",
      "  - pathPrefix: /bank/",
      "    upstream: http://127.0.0.1:9001",
      "    audience: bank-api",
      "");

  @Test
  void loadsTheDocumentedExample() {
    GatewayConfig config = ConfigLoader.load(Path.of("config/example.yaml"));
    assertThat(config.listen().port()).isEqualTo(8080);
    assertThat(config.issuers().get(0).algorithms()).containsExactlyInAnyOrder("RS256", "PS256",
        "ES256");
    assertThat(config.issuers().get(0).jwksMaxStale()).isEqualTo(Duration.ofHours(1));
    assertThat(config.routes()).hasSize(2);
    assertThat(config.routes().get(1).scopes()).containsExactly("visa:apply");
    assertThat(config.redis().orElseThrow().failMode()).isEqualTo(GatewayConfig.FailMode.CLOSED);
    assertThat(config.redis().orElseThrow().syncInterval()).isEqualTo(Duration.ofMillis(200));
    assertThat(config.introspectionClients().get(0).toString()).doesNotContain("change-me");
  }

  @Test
  void appliesSafeDefaults() {
    GatewayConfig config = ConfigLoader.parse(MINIMAL);
    assertThat(config.redis()).isEmpty();
    assertThat(config.headers().forwardAuthorization()).isFalse();
    assertThat(config.issuers().get(0).clockSkew()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.crypto()).isEqualTo(GatewayConfig.CryptoProvider.AUTO);
    assertThat(config.listen().shutdownGracePeriod()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.listen().idleTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void readsJson() {
    GatewayConfig config = ConfigLoader.parse("{\"issuers\":[{\"issuer\":\"https://i\","
        + "\"jwksUri\":\"https://i/certs\"}],\"routes\":[{\"pathPrefix\":\"/a\","
        + "\"upstream\":\"http://u\",\"audience\":\"a\"}],\"crypto\":\"BC\"}");
    assertThat(config.crypto()).isEqualTo(GatewayConfig.CryptoProvider.BC);
  }

  @Test
  void rejectsHmacInAlgorithmAllowlist() {
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL.replace("    jwksUri:",
        "    algorithms: [RS256, HS256]\n    jwksUri:")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("HS256");
  }

  @Test
  void rejectsAlgNoneInAlgorithmAllowlist() {
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL.replace("    jwksUri:",
        "    algorithms: [none]\n    jwksUri:")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("issuers[0].algorithms");
  }

  @Test
  void rejectsUnknownKeys() {
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL + "cahce: {verifiedTokens: 5}\n"))
        .isInstanceOf(ConfigException.class).hasMessage("cahce: unknown key");
  }

  @Test
  void rejectsRouteOverlappingReservedPaths() {
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL.replace("/bank/", "/")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("reserved");
  }

  @Test
  void rejectsUnknownFailMode() {
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL + "redis: {failMode: open}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("redis.failMode");
  }

  @Test
  void readsRedisAclUserPasswordFileAndTlsFiles(@TempDir Path dir) throws IOException {
    TestCa ca = TestCa.create("config-test");
    Path caFile = ca.writeCertificate(dir);
    TestCa.PemFiles client = ca.issueClient(dir, "gateway");
    GatewayConfig.Redis redis = ConfigLoader.parse(MINIMAL + String.join("\n",
        "redis:",
        "  uri: rediss://redis.bank.example:6380",
        "  user: myna-gateway",
        "  passwordFile: " + passwordFile(dir, REDIS_PASSWORD + "\n"),
        "  tls:",
        "    caFile: " + caFile,
        "    certFile: " + client.certFile(),
        "    keyFile: " + client.keyFile(),
        "")).redis().orElseThrow();
    assertThat(redis.auth()).contains(new GatewayConfig.RedisAuth("myna-gateway", REDIS_PASSWORD));
    assertThat(redis.tls()).contains(new GatewayConfig.RedisTls(Optional.of(caFile),
        Optional.of(client.certFile()), Optional.of(client.keyFile())));
    assertThat(redis.toString()).contains("myna-gateway").doesNotContain(REDIS_PASSWORD);
  }

  @Test
  void redisPasswordAloneLogsInAsTheDefaultUser(@TempDir Path dir) throws IOException {
    GatewayConfig.Redis redis = ConfigLoader.parse(MINIMAL + "redis: {passwordFile: "
        + passwordFile(dir, REDIS_PASSWORD + "\r\n") + "}\n").redis().orElseThrow();
    assertThat(redis.auth()).contains(new GatewayConfig.RedisAuth("default", REDIS_PASSWORD));
    assertThat(redis.tls()).isEmpty();
  }

  @Test
  void redissWithoutTlsSectionTrustsTheJvmDefaults() {
    GatewayConfig.Redis redis = ConfigLoader.parse(MINIMAL
        + "redis: {uri: 'rediss://redis.bank.example:6380'}\n").redis().orElseThrow();
    assertThat(redis.tls()).contains(new GatewayConfig.RedisTls(Optional.empty(),
        Optional.empty(), Optional.empty()));
    assertThat(redis.auth()).isEmpty();
  }

  @Test
  void rejectsPasswordInRedisUri() {
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL
        + "redis: {uri: 'redis://:" + REDIS_PASSWORD + "@127.0.0.1:6379'}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("redis.uri: must not carry a user or password")
        .hasMessageContaining("redis.passwordFile")
        .hasMessageNotContaining(REDIS_PASSWORD);
  }

  @Test
  void rejectsPasswordInRedisUriEvenWhereTheUriParserMissesIt() {
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL
        + "redis: {uri: 'redis://:pw/with#slash@127.0.0.1:6379'}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("redis.uri: must not carry a user or password")
        .hasMessageNotContaining("slash");
  }

  @Test
  void rejectsPasswordInRedisUriQuery() {
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL
        + "redis: {uri: 'rediss://127.0.0.1:6379/0?password=" + REDIS_PASSWORD + "'}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("redis.uri: must not carry a user or password")
        .hasMessageNotContaining(REDIS_PASSWORD);
  }

  @Test
  void rejectsUserNameInRedisUri() {
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL
        + "redis: {uri: 'redis://myna-gateway@127.0.0.1:6379'}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("redis.uri: must not carry a user or password")
        .hasMessageContaining("redis.user");
  }

  @Test
  void rejectsRedisUriWithAnotherScheme() {
    for (String uri : List.of("http://127.0.0.1:6379", "unix:///run/redis.sock",
        "127.0.0.1:6379")) {
      assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL + "redis: {uri: '" + uri + "'}\n"))
          .as(uri).isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("redis.uri: ")
          .hasMessageEndingWith("must be redis://host:port or rediss://host:port (TLS)");
    }
  }

  @Test
  void rejectsTlsOptionsWithPlainRedisUri(@TempDir Path dir) {
    Path caFile = TestCa.create("config-test").writeCertificate(dir);
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL
        + "redis: {uri: 'redis://127.0.0.1:6379', tls: {caFile: " + caFile + "}}\n"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("redis.tls: only with a "
            + "rediss:// redis.uri");
  }

  @Test
  void offersNoWayToTurnOffHostNameVerification() {
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL
        + "redis: {uri: 'rediss://127.0.0.1:6379', tls: {verifyHostname: false}}\n"))
        .isInstanceOf(ConfigException.class).hasMessage("redis.tls.verifyHostname: unknown key");
  }

  @Test
  void offersNoPlainTextPasswordKey() {
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL + "redis: {password: "
        + REDIS_PASSWORD + "}\n"))
        .isInstanceOf(ConfigException.class).hasMessage("redis.password: unknown key");
  }

  @Test
  void rejectsMissingPasswordFile(@TempDir Path dir) {
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL + "redis: {passwordFile: "
        + dir.resolve("absent") + "}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("redis.passwordFile: the file does not exist");
  }

  @Test
  void rejectsEmptyPasswordFile(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL + "redis: {passwordFile: "
        + passwordFile(dir, "\n") + "}\n"))
        .isInstanceOf(ConfigException.class).hasMessage("redis.passwordFile: the file is empty");
  }

  @Test
  void rejectsRedisUserWithoutPasswordFile() {
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL + "redis: {user: myna-gateway}\n"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("redis.user: needs "
            + "redis.passwordFile");
  }

  @Test
  void rejectsClientCertificateWithoutItsKey(@TempDir Path dir) {
    TestCa.PemFiles client = TestCa.create("config-test").issueClient(dir, "gateway");
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL + "redis: {uri: 'rediss://h:6380', "
        + "tls: {certFile: " + client.certFile() + "}}\n"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("redis.tls.keyFile: "
            + "required with redis.tls.certFile");
  }

  @Test
  void rejectsCaFileWithoutCertificate(@TempDir Path dir) throws IOException {
    Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL + "redis: {uri: 'rediss://h:6380', "
        + "tls: {caFile: " + notPem + "}}\n"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("redis.tls.caFile: ");
  }

  @Test
  void rejectsKeyFileWithoutPrivateKey(@TempDir Path dir) {
    TestCa.PemFiles client = TestCa.create("config-test").issueClient(dir, "gateway");
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL + "redis: {uri: 'rediss://h:6380', "
        + "tls: {certFile: " + client.certFile() + ", keyFile: " + client.certFile() + "}}\n"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("redis.tls.keyFile: ");
  }

  @Test
  void passwordFileContentNeverAppearsInConfigErrors(@TempDir Path dir) throws IOException {
    List<String> invalid = List.of(
        "{passwordFile: " + passwordFile(dir, REDIS_PASSWORD + "\nsecond line") + "}",
        "{passwordFile: " + passwordFile(dir, REDIS_PASSWORD) + ", uri: 'redis://h:1', "
            + "tls: {caFile: /absent}}",
        "{passwordFile: " + passwordFile(dir, REDIS_PASSWORD) + ", uri: 'rediss://h:1', "
            + "tls: {caFile: " + passwordFile(dir, REDIS_PASSWORD) + "}}",
        "{passwordFile: " + passwordFile(dir, REDIS_PASSWORD) + ", uri: 'http://h:1'}",
        "{passwordFile: " + passwordFile(dir, REDIS_PASSWORD) + ", failMode: open}",
        // The password pasted where its file's path belongs.
        "{passwordFile: " + REDIS_PASSWORD + "}");
    List<String> messages = new ArrayList<>();
    for (String redis : invalid) {
      assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL + "redis: " + redis + "\n"))
          .as(redis).isInstanceOfSatisfying(ConfigException.class,
              e -> messages.add(String.valueOf(e.getMessage()) + " / " + e.getCause()));
    }
    Path nonUtf8 = Files.write(dir.resolve("latin1"),
        (REDIS_PASSWORD + "\u00e9").getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL + "redis: {passwordFile: " + nonUtf8
        + "}\n")).isInstanceOfSatisfying(ConfigException.class,
            e -> messages.add(e.getMessage() + " / " + e.getCause()));
    assertThat(messages).hasSize(invalid.size() + 1)
        .allSatisfy(m -> assertThat(m).doesNotContain(REDIS_PASSWORD));
  }

  private static Path passwordFile(Path dir, String content) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "redis-password", ""), content);
  }

  @Test
  void rejectsRouteRequiringUnconfiguredIssuer() {
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL.replace("    audience: bank-api",
        "    audience: bank-api\n    issuer: https://other.example")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("routes[0].issuer");
  }

  @Test
  void rejectsShortIntrospectionSecret() {
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL
        + "introspection: {clients: [{clientId: rp, secret: short}]}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("secret");
  }

  @Test
  void rejectsMissingIssuers() {
    assertThatThrownBy(() -> ConfigLoader.parse("routes: []\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("issuers");
  }

  @Test
  void takesTheListenerCertificateAndTheOutboundCaFromPemFiles(@TempDir Path dir) {
    TestCa ca = TestCa.create("listener");
    TestCa.PemFiles server = ca.issueServer(dir, "gateway", "gateway.bank.example");
    Path caFile = ca.writeCertificate(dir);
    GatewayConfig config = ConfigLoader.parse(MINIMAL + "listen:\n  tls:\n    certFile: "
        + server.certFile() + "\n    keyFile: " + server.keyFile() + "\noutboundTls:\n  caFile: "
        + caFile + "\n");
    assertThat(config.listen().tls())
        .contains(new GatewayConfig.ServerTls(server.certFile(), server.keyFile()));
    assertThat(config.outboundCaFile()).contains(caFile);
    assertThat(ConfigLoader.parse(MINIMAL).listen().tls()).isEmpty();
    assertThat(ConfigLoader.parse(MINIMAL).outboundCaFile()).isEmpty();
  }

  @Test
  void refusesAListenerCertificateWithoutItsKey(@TempDir Path dir) {
    TestCa.PemFiles server = TestCa.create("listener").issueServer(dir, "gateway", "gw.example");
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL + "listen:\n  tls:\n    certFile: "
        + server.certFile() + "\n")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("listen.tls").hasMessageContaining("keyFile");
  }

  @Test
  void namesTheKeyOfAMissingOrWrongListenerFileButNeverItsContent(@TempDir Path dir)
      throws IOException {
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL + "outboundTls:\n  caFile: "
        + dir.resolve("absent.pem") + "\n")).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("outboundTls.caFile:");
    TestCa.PemFiles server = TestCa.create("listener").issueServer(dir, "gateway", "gw.example");
    String keyText = Files.readString(server.keyFile());
    String keyBody = keyText.split("\n")[1];
    // The key given as the certificate: refused, and the key's text never echoed.
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL + "listen:\n  tls:\n    certFile: "
        + server.keyFile() + "\n    keyFile: " + server.keyFile() + "\n"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("listen.tls.certFile:")
        .hasMessageNotContaining(keyBody);
    Path encrypted = Files.writeString(dir.resolve("enc.key"), keyText.replace(
        "PRIVATE KEY", "ENCRYPTED PRIVATE KEY"));
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL + "listen:\n  tls:\n    certFile: "
        + server.certFile() + "\n    keyFile: " + encrypted + "\n"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("listen.tls.keyFile:")
        .hasMessageContaining("unencrypted").hasMessageNotContaining(keyBody);
  }
}
