package io.mynagate.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
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
  void takesTheListenerCertificateAndTheOutboundCaFromPemFiles(@TempDir Path dir)
      throws Exception {
    Path cert = Files.writeString(dir.resolve("tls.crt"), pem("CERTIFICATE"));
    Path key = Files.writeString(dir.resolve("tls.key"), pem("PRIVATE KEY"));
    Path ca = Files.writeString(dir.resolve("ca.pem"), pem("CERTIFICATE"));
    GatewayConfig config = ConfigLoader.parse(MINIMAL + "listen:\n  tls:\n    certFile: " + cert
        + "\n    keyFile: " + key + "\noutboundTls:\n  caFile: " + ca + "\n");
    assertThat(config.listen().tls()).contains(new GatewayConfig.ServerTls(cert, key));
    assertThat(config.outboundCaFile()).contains(ca);
    assertThat(ConfigLoader.parse(MINIMAL).listen().tls()).isEmpty();
  }

  @Test
  void refusesAListenerCertificateWithoutItsKey(@TempDir Path dir) throws Exception {
    Path cert = Files.writeString(dir.resolve("tls.crt"), pem("CERTIFICATE"));
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL + "listen:\n  tls:\n    certFile: "
        + cert + "\n")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("listen.tls").hasMessageContaining("keyFile");
  }

  @Test
  void namesTheKeyOfAMissingOrWrongPemFileButNeverItsContent(@TempDir Path dir)
      throws Exception {
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL + "outboundTls:\n  caFile: "
        + dir.resolve("absent.pem") + "\n")).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("outboundTls.caFile: cannot read");
    Path cert = Files.writeString(dir.resolve("tls.crt"), pem("CERTIFICATE"));
    // A certificate given as the key: its content must not be echoed.
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL + "listen:\n  tls:\n    certFile: "
        + cert + "\n    keyFile: " + cert + "\n")).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("listen.tls.keyFile:").hasMessageContaining("no PEM PRIVATE KEY")
        .hasMessageNotContaining("MIIB");
    Path encrypted = Files.writeString(dir.resolve("enc.key"), pem("ENCRYPTED PRIVATE KEY"));
    assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL + "listen:\n  tls:\n    certFile: "
        + cert + "\n    keyFile: " + encrypted + "\n")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("encrypted");
  }

  private static String pem(String label) {
    return "-----BEGIN " + label + "-----\nMIIBfakebase64content\n-----END " + label + "-----\n";
  }
}
