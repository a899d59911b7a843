package io.mynagate.gateway.bench;

import com.nimbusds.jose.jwk.JWK;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A stand-in identity provider for the benchmark: creates a signing key, serves its JWKS (and an
 * OpenID discovery document) on loopback, writes a pool of valid access tokens and renders the
 * gateway configuration files from templates.
 *
 * <p>Usage:
 * <pre>
 * TokenTool --out-dir DIR [--tokens 10000] [--subjects 1000] [--alg RS256|PS256|ES256]
 *           [--audience bench-api] [--scope "openid accounts:read"] [--acr urn:mynagate:acr:jpki]
 *           [--ttl-seconds 28800] [--issuer http://127.0.0.1/realms/bench] [--port 0]
 *           [--port-file F]
 *           [--config-template T1,T2 --config-out F1,F2 --gateway-port P1,P2 --upstream-url U
 *            --config-vars NAME=VALUE,...]
 * </pre>
 *
 * <p>Keeps its signing key in {@code DIR/signing-key-ALG.jwk.json} and reuses it, and the token
 * pool of the previous run while that stays valid for two more hours, because signing 10,000
 * RS256 tokens takes most of a minute on two busy cores. Writes {@code DIR/tokens.txt} (one
 * compact JWS per line), {@code DIR/jwks.json} and {@code DIR/idp.env} (ISSUER, JWKS_URI, AUDIENCE, SCOPE, ACR, ALG), renders each template to its output
 * replacing {@code ${ISSUER} ${JWKS_URI} ${AUDIENCE} ${SCOPE} ${ACR} ${ALG} ${UPSTREAM_URL}
 * ${GATEWAY_PORT}} and the names given in {@code --config-vars}, and only then writes the port
 * file, so a script waiting for the port file finds everything in place. The JWKS is served at
 * {@code /realms/bench/protocol/openid-connect/certs} (Keycloak's layout) until the process is
 * killed.
 */
public final class TokenTool {

  static final String REALM_PATH = "/realms/bench";
  static final String JWKS_PATH = REALM_PATH + "/protocol/openid-connect/certs";
  static final String DISCOVERY_PATH = REALM_PATH + "/.well-known/openid-configuration";

  private TokenTool() {}

  /**
   * Runs the tool; the JWKS server keeps running until the process is killed.
   *
   * @param args see the class comment
   * @throws Exception when the port cannot be bound or the files cannot be written
   */
  public static void main(String[] args) throws Exception {
    BenchArgs parsed = BenchArgs.parse(args, "out-dir", "tokens", "subjects", "alg", "audience",
        "scope", "acr", "ttl-seconds", "port", "port-file", "config-template", "config-out",
        "gateway-port", "upstream-url", "config-vars", "issuer");
    Path outDir = Path.of(parsed.require("out-dir"));
    Files.createDirectories(outDir);

    Vertx vertx = Vertx.vertx();
    String alg = parsed.get("alg", "RS256");
    Path keyFile = outDir.resolve("signing-key-" + alg + ".jwk.json");
    JsonObject[] documents = new JsonObject[2];
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
        .requestHandler(request -> serve(request, documents));
    int port = server.listen(parsed.getInt("port", 0)).await().actualPort();

    String base = "http://127.0.0.1:" + port;
    // The issuer does not name the port, so a token pool stays valid from one run to the next.
    String issuer = parsed.get("issuer", "http://127.0.0.1" + REALM_PATH);
    String jwksUri = base + JWKS_PATH;
    TokenMint mint = TokenMint.builder()
        .key(Files.exists(keyFile) ? JWK.parse(Files.readString(keyFile)) : null)
        .algorithm(alg)
        .issuer(issuer)
        .audience(parsed.get("audience", "bench-api"))
        .scope(parsed.get("scope", "openid accounts:read"))
        .acr(parsed.get("acr", "urn:mynagate:acr:jpki"))
        .lifetime(Duration.ofSeconds(parsed.getInt("ttl-seconds", 8 * 3600)))
        .build();
    // A benchmark-only key on loopback, kept under target/ so the next run can reuse its tokens.
    Files.writeString(keyFile, mint.privateKey().toJSONString());
    documents[0] = new JsonObject(mint.publicJwks().toString(true));
    documents[1] = new JsonObject().put("issuer", issuer).put("jwks_uri", jwksUri)
        .put("id_token_signing_alg_values_supported", List.of(mint.algorithm().getName()));

    int count = parsed.getInt("tokens", 10_000);
    Path tokensFile = outDir.resolve("tokens.txt");
    if (!reusable(tokensFile, mint, count)) {
      long started = System.nanoTime();
      List<String> tokens = mint.mintPool(count, parsed.getInt("subjects", 1000));
      Files.write(tokensFile, tokens, StandardCharsets.UTF_8);
      System.out.printf("minted %d %s tokens in %d ms%n", count, mint.algorithm(),
          (System.nanoTime() - started) / 1_000_000);
    }

    Files.writeString(outDir.resolve("jwks.json"), documents[0].encodePrettily());
    TemplateVars vars = new TemplateVars()
        .put("ISSUER", issuer)
        .put("JWKS_URI", jwksUri)
        .put("AUDIENCE", parsed.get("audience", "bench-api"))
        .put("SCOPE", parsed.get("scope", "openid accounts:read"))
        .put("ACR", parsed.get("acr", "urn:mynagate:acr:jpki"))
        .put("ALG", mint.algorithm().getName());
    Files.writeString(outDir.resolve("idp.env"), vars.asEnv());
    renderConfigs(parsed, vars);

    parsed.writePortFile(port);
    System.out.println("bench identity provider: issuer " + issuer);
  }

  /**
   * A pool from an earlier run is reused when it has exactly {@code count} tokens whose first and
   * last were minted by this key with these settings and stay valid for two more hours.
   */
  private static boolean reusable(Path tokensFile, TokenMint mint, int count) throws IOException {
    if (!Files.exists(tokensFile)) {
      return false;
    }
    List<String> saved = Files.readAllLines(tokensFile, StandardCharsets.UTF_8);
    Instant now = Instant.now();
    boolean reuse = saved.size() == count
        && mint.minted(saved.get(0), now, Duration.ofHours(2))
        && mint.minted(saved.get(count - 1), now, Duration.ofHours(2));
    if (reuse) {
      System.out.printf("reusing %d %s tokens from %s%n", count, mint.algorithm(), tokensFile);
    }
    return reuse;
  }

  private static void renderConfigs(BenchArgs parsed, TemplateVars vars) throws IOException {
    String templates = parsed.get("config-template", "");
    if (templates.isEmpty()) {
      return;
    }
    String[] template = templates.split(",");
    String[] out = parsed.require("config-out").split(",");
    String[] gatewayPort = parsed.require("gateway-port").split(",");
    if (out.length != template.length || gatewayPort.length != template.length) {
      throw new IllegalArgumentException(
          "--config-template, --config-out and --gateway-port need the same number of entries");
    }
    for (int i = 0; i < template.length; i++) {
      TemplateVars these = vars.copy()
          .put("UPSTREAM_URL", parsed.require("upstream-url"))
          .put("GATEWAY_PORT", gatewayPort[i]);
      for (String extra : parsed.get("config-vars", "").split(",")) {
        if (!extra.isBlank()) {
          int eq = extra.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("--config-vars wants NAME=VALUE,...: " + extra);
          }
          these.put(extra.substring(0, eq).trim(), extra.substring(eq + 1).trim());
        }
      }
      String rendered = these.render(Files.readString(Path.of(template[i])));
      Files.writeString(Path.of(out[i]), rendered);
    }
  }

  private static void serve(HttpServerRequest request, JsonObject[] documents) {
    JsonObject body = switch (request.path()) {
      case JWKS_PATH -> documents[0];
      case DISCOVERY_PATH -> documents[1];
      default -> null;
    };
    if (body == null) {
      request.response().setStatusCode(404).end();
      return;
    }
    request.response().putHeader("content-type", "application/json")
        .putHeader("cache-control", "max-age=300").end(body.encode());
  }
}
