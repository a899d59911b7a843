package io.mynagate.gateway.config;

import io.mynagate.gateway.config.GatewayConfig.Cache;
import io.mynagate.gateway.config.GatewayConfig.CryptoProvider;
import io.mynagate.gateway.config.GatewayConfig.Dpop;
import io.mynagate.gateway.config.GatewayConfig.Headers;
import io.mynagate.gateway.config.GatewayConfig.IntrospectionClient;
import io.mynagate.gateway.config.GatewayConfig.Issuer;
import io.mynagate.gateway.config.GatewayConfig.Listen;
import io.mynagate.gateway.config.GatewayConfig.Logout;
import io.mynagate.gateway.config.GatewayConfig.Redis;
import io.mynagate.gateway.config.GatewayConfig.Route;
import io.mynagate.gateway.config.GatewayConfig.ServerTls;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a YAML or JSON configuration file (JSON is valid YAML) into a validated {@link
 * GatewayConfig}. Unknown keys are errors, so typos do not silently weaken a route.
 */
public final class ConfigLoader {
  /** Algorithms the gateway can verify; {@code none} and HMAC are never accepted. */
  public static final Set<String> SUPPORTED_ALGORITHMS =
      Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");

  private static final Set<String> RESERVED_PATHS =
      Set.of(GatewayConfig.HEALTH_PATH, GatewayConfig.METRICS_PATH,
          GatewayConfig.INTROSPECT_PATH, GatewayConfig.LOGOUT_PATH);

  private ConfigLoader() {}

  /**
   * Loads and validates a configuration file.
   *
   * @param file a YAML or JSON file
   * @return the validated configuration
   * @throws ConfigException if the file is unreadable or invalid
   */
  public static GatewayConfig load(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return fromMap(parse(reader));
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration file " + file, e);
    }
  }

  /**
   * Parses and validates configuration text.
   *
   * @param yamlOrJson the file contents
   * @return the validated configuration
   * @throws ConfigException if the text is invalid
   */
  public static GatewayConfig parse(String yamlOrJson) {
    return fromMap(parse(new java.io.StringReader(yamlOrJson)));
  }

  private static Map<String, Object> parse(Reader reader) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Object root;
    try {
      root = new Yaml(new SafeConstructor(options)).load(reader);
    } catch (RuntimeException e) {
      throw new ConfigException("configuration is not valid YAML/JSON: " + e.getMessage(), e);
    }
    if (!(root instanceof Map)) {
      throw new ConfigException("configuration must be a mapping at the top level");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) root;
    return map;
  }

  /**
   * Validates an already parsed configuration tree (tests build one in code).
   *
   * @param root the top-level mapping
   * @return the validated configuration
   * @throws ConfigException if a value is invalid
   */
  public static GatewayConfig fromMap(Map<String, Object> root) {
    Node n = new Node("", root);
    n.allowOnly("listen", "issuers", "routes", "headers", "redis", "cache", "dpop", "logout",
        "introspection", "crypto", "instances", "outboundTls");
    Node listenNode = n.child("listen");
    listenNode.allowOnly("host", "port", "tls", "shutdownGracePeriod", "idleTimeout");
    Listen listen = new Listen(listenNode.string("host", "127.0.0.1"),
        listenNode.integer("port", 8080, 0, 65535), serverTls(listenNode.child("tls")),
        listenNode.duration("shutdownGracePeriod", "10s"),
        listenNode.duration("idleTimeout", Listen.DEFAULT_IDLE_TIMEOUT.toSeconds() + "s"));
    Node outbound = n.child("outboundTls");
    outbound.allowOnly("caFile");
    Optional<Path> outboundCaFile = outbound.optionalString("caFile")
        .map(f -> PemFiles.certificates(outbound.key("caFile"), f));

    List<Issuer> issuers = new ArrayList<>();
    for (Node i : n.list("issuers")) {
      issuers.add(issuer(i));
    }
    if (issuers.isEmpty()) {
      throw new ConfigException("issuers: at least one issuer is required");
    }
    Set<String> issuerIds = new HashSet<>();
    for (Issuer i : issuers) {
      if (!issuerIds.add(i.issuer())) {
        throw new ConfigException("issuers: duplicate issuer " + i.issuer());
      }
    }

    List<Route> routes = new ArrayList<>();
    for (Node r : n.list("routes")) {
      Route route = route(r);
      route.issuer().filter(iss -> !issuerIds.contains(iss)).ifPresent(iss -> {
        throw new ConfigException(r.path + ".issuer: not a configured issuer: " + iss);
      });
      routes.add(route);
    }

    Node h = n.child("headers");
    h.allowOnly("subject", "acr", "scope", "issuer", "strip", "add", "forwardAuthorization");
    Headers headers = new Headers(
        h.string("subject", "X-Auth-Subject"), h.string("acr", "X-Auth-Acr"),
        h.string("scope", "X-Auth-Scope"), h.string("issuer", "X-Auth-Issuer"),
        h.stringSet("strip"), h.stringMap("add"), h.bool("forwardAuthorization", false));

    Optional<Redis> redis = n.has("redis")
        ? Optional.of(RedisConfigReader.read(n.child("redis")))
        : Optional.empty();

    Node c = n.child("cache");
    c.allowOnly("verifiedTokens", "maxEntryLifetime");
    Cache cache = new Cache(c.integer("verifiedTokens", 100_000, 0, 10_000_000),
        c.duration("maxEntryLifetime", "5m"));

    Node d = n.child("dpop");
    d.allowOnly("proofMaxAge", "algorithms", "publicBaseUrl");
    Set<String> dpopAlgs = d.stringSetOr("algorithms", Set.of("ES256", "PS256", "RS256"));
    checkAlgorithms(d.path + ".algorithms", dpopAlgs);
    Dpop dpop = new Dpop(d.duration("proofMaxAge", "60s"), dpopAlgs,
        d.optionalString("publicBaseUrl").map(u -> d.uri("publicBaseUrl", u)));

    Node l = n.child("logout");
    l.allowOnly("denyFor", "maxTokenAge");
    Logout logout = new Logout(l.duration("denyFor", "24h"), l.duration("maxTokenAge", "5m"));

    List<IntrospectionClient> clients = new ArrayList<>();
    Node intro = n.child("introspection");
    intro.allowOnly("clients");
    for (Node ic : intro.list("clients")) {
      ic.allowOnly("clientId", "secret", "audiences");
      String secret = ic.requiredString("secret");
      if (secret.length() < 16) {
        throw new ConfigException(ic.path + ".secret: must be at least 16 characters");
      }
      clients.add(new IntrospectionClient(ic.requiredString("clientId"), secret,
          ic.stringSet("audiences")));
    }

    CryptoProvider crypto;
    try {
      crypto = CryptoProvider.valueOf(n.string("crypto", "AUTO").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("crypto: must be AUTO, JDK, BC or ACCP");
    }
    int instances = n.integer("instances", Math.max(1, Runtime.getRuntime().availableProcessors()),
        1, 256);
    return new GatewayConfig(listen, issuers, routes, headers, redis, cache, dpop, logout, clients,
        crypto, instances, outboundCaFile);
  }

  private static Optional<ServerTls> serverTls(Node t) {
    t.allowOnly("certFile", "keyFile");
    Optional<Path> cert = t.optionalString("certFile")
        .map(f -> PemFiles.certificates(t.key("certFile"), f));
    Optional<Path> key = t.optionalString("keyFile")
        .map(f -> PemFiles.privateKey(t.key("keyFile"), f));
    if (cert.isPresent() != key.isPresent()) {
      throw new ConfigException(t.path + ": certFile and keyFile go together");
    }
    return cert.map(c -> new ServerTls(c, key.get()));
  }

  private static Issuer issuer(Node i) {
    i.allowOnly("issuer", "jwksUri", "algorithms", "clockSkew", "jwksRefreshInterval",
        "jwksMinRefetchInterval", "jwksMaxStale", "jwksTimeout", "logoutAudiences");
    Set<String> algs = i.stringSetOr("algorithms", Set.of("RS256", "PS256", "ES256"));
    checkAlgorithms(i.path + ".algorithms", algs);
    return new Issuer(i.requiredString("issuer"), i.uri("jwksUri", i.requiredString("jwksUri")),
        algs, i.duration("clockSkew", "30s"), i.duration("jwksRefreshInterval", "5m"),
        i.duration("jwksMinRefetchInterval", "5s"), i.duration("jwksMaxStale", "1h"),
        i.duration("jwksTimeout", "5s"), i.stringSet("logoutAudiences"));
  }

  private static Route route(Node r) {
    r.allowOnly("pathPrefix", "upstream", "issuer", "audience", "scopes", "acr",
        "upstreamTimeout");
    String prefix = r.requiredString("pathPrefix");
    if (!prefix.startsWith("/")) {
      throw new ConfigException(r.path + ".pathPrefix: must start with /");
    }
    for (String reserved : RESERVED_PATHS) {
      if (reserved.startsWith(prefix) || prefix.startsWith(reserved)) {
        throw new ConfigException(r.path + ".pathPrefix: overlaps reserved path " + reserved);
      }
    }
    return new Route(prefix, r.uri("upstream", r.requiredString("upstream")),
        r.optionalString("issuer"), r.requiredString("audience"), r.stringSet("scopes"),
        r.stringSet("acr"), r.duration("upstreamTimeout", "30s"));
  }

  private static void checkAlgorithms(String key, Set<String> algs) {
    if (algs.isEmpty()) {
      throw new ConfigException(key + ": at least one algorithm is required");
    }
    for (String alg : algs) {
      if (!SUPPORTED_ALGORITHMS.contains(alg)) {
        throw new ConfigException(key + ": unsupported or insecure algorithm " + alg
            + " (allowed: " + SUPPORTED_ALGORITHMS + ")");
      }
    }
  }
}
