package io.mynagate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.gateway.support.EchoUpstream;
import io.mynagate.gateway.support.GatewayFixture;
import io.mynagate.gateway.support.JwksServer;
import io.mynagate.gateway.support.TestCa;
import io.mynagate.gateway.support.Tokens;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS on both sides of the gateway: its own listener ({@code listen.tls}), and upstreams and JWKS
 * endpoints under an internal CA ({@code outboundTls.caFile}) with host names verified.
 */
class TlsTest {
  @TempDir
  static Path dir;
  private static final TestCa INTERNAL_CA = TestCa.create("internal");
  private static final TestCa OTHER_CA = TestCa.create("other");
  private static Path internalCaFile;

  @BeforeAll
  static void writeCaCertificate() {
    internalCaFile = INTERNAL_CA.writeCertificate(dir);
  }

  /** A server certificate from {@code ca} for {@code host}, under a file name of its own. */
  private static TestCa.PemFiles serverCert(TestCa ca, String host) {
    return ca.issueServer(dir, "server-" + UUID.randomUUID(), host);
  }

  private static HttpServerOptions tlsServer(TestCa.PemFiles cert) {
    return new HttpServerOptions().setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
        .setCertPath(cert.certFile().toString()).setKeyPath(cert.keyFile().toString()));
  }

  private static String token(GatewayFixture gw) {
    return "Bearer " + Tokens.sign(gw.rsa, Tokens.accessClaims(gw.issuer()).build());
  }

  @SuppressWarnings("unchecked")
  private static void routeApiTo(GatewayFixture f, String upstream) {
    ((List<Map<String, Object>>) f.config.get("routes")).get(0).put("upstream", upstream);
  }

  private static void trustInternalCa(GatewayFixture f) {
    f.config.put("outboundTls", Map.of("caFile", internalCaFile.toString()));
  }

  @Nested
  class Listener {
    @Test
    void servesHttpsWithTheConfiguredCertificate() {
      TestCa.PemFiles cert = serverCert(INTERNAL_CA, "127.0.0.1");
      try (GatewayFixture gw = GatewayFixture.start(f -> f.config.put("listen", Map.of(
          "host", "127.0.0.1", "port", 0, "tls", Map.of(
              "certFile", cert.certFile().toString(), "keyFile", cert.keyFile().toString()))))) {
        WebClient https = WebClient.create(gw.vertx, new WebClientOptions().setSsl(true)
            .setTrustOptions(new PemTrustOptions().addCertPath(internalCaFile.toString())));
        HttpResponse<Buffer> response = https.get(gw.port(), "127.0.0.1", "/api/accounts")
            .putHeader("Authorization", token(gw)).send().await();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(gw.upstream.lastHeaders().get("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(https.get(gw.port(), "127.0.0.1", "/api/accounts").send().await()
            .statusCode()).isEqualTo(401);
      }
    }

    @Test
    void refusesPlainHttpOnItsTlsPort() {
      TestCa.PemFiles cert = serverCert(INTERNAL_CA, "127.0.0.1");
      try (GatewayFixture gw = GatewayFixture.start(f -> f.config.put("listen", Map.of(
          "host", "127.0.0.1", "port", 0, "tls", Map.of(
              "certFile", cert.certFile().toString(), "keyFile", cert.keyFile().toString()))))) {
        // The fixture's own client speaks plain HTTP: a token must never cross in clear text.
        assertThatThrownBy(() -> gw.get("/api/accounts", token(gw)));
        assertThat(gw.upstream.lastHeaders()).isNull();
      }
    }
  }

  @Nested
  class Upstream {
    private HttpResponse<Buffer> callThroughGateway(Consumer<GatewayFixture> setUp) {
      try (GatewayFixture gw = GatewayFixture.start(setUp)) {
        return gw.get("/api/accounts", token(gw));
      }
    }

    @Test
    void isReachedOverTlsWhenItsCertificateComesFromTheConfiguredCa() {
      try (GatewayFixture gw = GatewayFixture.start(f -> {
        EchoUpstream upstream = new EchoUpstream(f.vertx,
            tlsServer(serverCert(INTERNAL_CA, "127.0.0.1")));
        routeApiTo(f, upstream.url());
        trustInternalCa(f);
      })) {
        HttpResponse<Buffer> response = gw.get("/api/accounts", token(gw));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getJsonObject("headers")
            .getString("x-auth-subject")).isNotBlank();
      }
    }

    @Test
    void isRefusedWithoutTheConfiguredCaBecauseTheJvmDoesNotTrustIt() {
      HttpResponse<Buffer> response = callThroughGateway(f -> routeApiTo(f,
          new EchoUpstream(f.vertx, tlsServer(serverCert(INTERNAL_CA, "127.0.0.1"))).url()));
      assertThat(response.statusCode()).isEqualTo(502);
    }

    @Test
    void isRefusedWhenItsCertificateComesFromAnotherCa() {
      HttpResponse<Buffer> response = callThroughGateway(f -> {
        routeApiTo(f, new EchoUpstream(f.vertx, tlsServer(serverCert(OTHER_CA, "127.0.0.1"))).url());
        trustInternalCa(f);
      });
      assertThat(response.statusCode()).isEqualTo(502);
    }

    @Test
    void isRefusedWhenItsCertificateNamesAnotherHost() {
      HttpResponse<Buffer> response = callThroughGateway(f -> {
        routeApiTo(f, new EchoUpstream(f.vertx,
            tlsServer(serverCert(INTERNAL_CA, "accounts.internal.example"))).url());
        trustInternalCa(f);
      });
      assertThat(response.statusCode()).isEqualTo(502);
    }
  }

  @Nested
  class Jwks {
    private static void publishOverTls(GatewayFixture f, TestCa ca) {
      JwksServer jwks = new JwksServer(f.vertx, tlsServer(serverCert(ca, "127.0.0.1")));
      jwks.publish(f.rsa, f.ec);
      f.issuerConfig().put("jwksUri", jwks.url());
    }

    @Test
    void isFetchedOverTlsUnderTheConfiguredCa() {
      try (GatewayFixture gw = GatewayFixture.start(f -> {
        publishOverTls(f, INTERNAL_CA);
        trustInternalCa(f);
      })) {
        assertThat(gw.get("/api/accounts", token(gw)).statusCode()).isEqualTo(200);
      }
    }

    @Test
    void fromAnUntrustedEndpointGivesNoKeysSoTokensAreNotAccepted() {
      try (GatewayFixture gw = GatewayFixture.start(f -> {
        publishOverTls(f, OTHER_CA);
        trustInternalCa(f);
      })) {
        assertThat(gw.get("/api/accounts", token(gw)).statusCode()).isEqualTo(503);
        assertThat(gw.metric("gateway_jwks_fetches_total\\{.*outcome=\"failure\".*\\}"))
            .isGreaterThan(0);
      }
    }
  }
}
