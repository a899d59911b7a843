package io.mynagate.gateway.support;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import io.mynagate.gateway.Gateway;
import io.mynagate.gateway.config.ConfigLoader;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gateway started in-process against a test JWKS endpoint and an echo upstream, all on
 * ephemeral ports. The configuration is a map tests can adjust before start.
 */
public final class GatewayFixture implements AutoCloseable {
  public final Vertx vertx = Vertx.vertx();
  public final JwksServer jwks = new JwksServer(vertx);
  public final EchoUpstream upstream = new EchoUpstream(vertx);
  /** Generated once per test JVM: RSA key generation is slow on the shared machine. */
  private static final RSAKey RSA = TestKeys.rsa("rsa-1");
  private static final ECKey EC = TestKeys.ec("ec-1");
  public final RSAKey rsa = RSA;
  public final ECKey ec = EC;
  public final WebClient client = WebClient.create(vertx,
      new WebClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(64));
  public final Map<String, Object> config;
  private Gateway gateway;

  private GatewayFixture() {
    jwks.publish(rsa, ec);
    config = defaultConfig();
  }

  /** A fixture with the default configuration adjusted by {@code customize}, started. */
  public static GatewayFixture start(Consumer<GatewayFixture> customize) {
    GatewayFixture f = new GatewayFixture();
    customize.accept(f);
    f.gateway = Gateway.start(f.vertx, ConfigLoader.fromMap(f.config)).await();
    return f;
  }

  public static GatewayFixture start() {
    return start(f -> { });
  }

  public String issuer() {
    return "http://127.0.0.1:1" + Tokens.ISSUER_PATH;
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> issuerConfig() {
    return ((List<Map<String, Object>>) config.get("issuers")).get(0);
  }

  private Map<String, Object> defaultConfig() {
    Map<String, Object> issuer = new LinkedHashMap<>();
    issuer.put("issuer", issuer());
    issuer.put("jwksUri", jwks.url());
    issuer.put("clockSkew", "5s");
    issuer.put("jwksMinRefetchInterval", "200ms");
    issuer.put("logoutAudiences", List.of("gateway"));
    Map<String, Object> api = new LinkedHashMap<>();
    api.put("pathPrefix", "/api/");
    api.put("upstream", upstream.url());
    api.put("audience", "api");
    api.put("scopes", List.of("read"));
    Map<String, Object> strong = new LinkedHashMap<>();
    strong.put("pathPrefix", "/strong/");
    strong.put("upstream", upstream.url());
    strong.put("audience", "api");
    strong.put("acr", List.of("urn:test:acr:high"));
    Map<String, Object> admin = new LinkedHashMap<>();
    admin.put("pathPrefix", "/admin/");
    admin.put("upstream", upstream.url());
    admin.put("audience", "api");
    admin.put("scopes", List.of("admin"));
    Map<String, Object> cfg = new LinkedHashMap<>();
    cfg.put("listen", new LinkedHashMap<>(Map.of("host", "127.0.0.1", "port", 0)));
    cfg.put("instances", 2);
    cfg.put("issuers", new ArrayList<>(List.of(issuer)));
    cfg.put("routes", new ArrayList<>(List.of(api, strong, admin)));
    cfg.put("headers", new LinkedHashMap<>(Map.of("strip", List.of("X-Remote-User"))));
    cfg.put("introspection", Map.of("clients", List.of(Map.of("clientId", "rp",
        "secret", "rp-secret-0123456789abcdef"))));
    return cfg;
  }

  public int port() {
    return gateway.port();
  }

  /** Shuts the gateway down as a process's shutdown would; completes when it has stopped. */
  public Future<Void> stopGateway() {
    return gateway.close();
  }

  public HttpResponse<Buffer> get(String path, String authorization) {
    return request(HttpMethod.GET, path, authorization, MultiMap.caseInsensitiveMultiMap());
  }

  public HttpResponse<Buffer> request(HttpMethod method, String path, String authorization,
      MultiMap headers) {
    HttpRequest<Buffer> request = client.request(method, port(), "127.0.0.1", path);
    if (authorization != null) {
      request.putHeader("Authorization", authorization);
    }
    request.putHeaders(headers);
    return request.send().await();
  }

  public HttpResponse<Buffer> postForm(String path, MultiMap form, String basicAuth) {
    HttpRequest<Buffer> request = client.post(port(), "127.0.0.1", path);
    if (basicAuth != null) {
      request.putHeader("Authorization", basicAuth);
    }
    return request.sendForm(form).await();
  }

  /** Value of {@code gateway_rejections_total{reason=...}} read from {@code /metrics}. */
  public double rejections(String reason) {
    return metric("gateway_rejections_total\\{reason=\"" + reason + "\"\\}");
  }

  public double metric(String nameRegex) {
    String text = client.get(port(), "127.0.0.1", "/metrics").send().await().bodyAsString();
    Matcher m = Pattern.compile("(?m)^" + nameRegex + " ([0-9.Ee+-]+)$").matcher(text);
    if (!m.find()) {
      throw new AssertionError("metric not found: " + nameRegex);
    }
    return Double.parseDouble(m.group(1));
  }

  @Override
  public void close() {
    if (gateway != null) {
      gateway.close().await();
    }
    vertx.close().await();
  }
}
