package io.mynagate.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole gateway configuration, immutable once loaded. See {@code gateway/README.md} for the
 * file format; {@link ConfigLoader} reads and validates it.
 *
 * @param listen where the gateway accepts requests
 * @param issuers trusted token issuers, at least one
 * @param routes path prefix to upstream mappings with their token requirements, longest prefix wins
 * @param headers identity headers stripped from requests and added toward upstreams
 * @param redis shared deny list and replay store; empty means in-memory (a single gateway)
 * @param cache verified-token cache settings
 * @param dpop DPoP proof settings (RFC 9449)
 * @param logout back-channel logout settings (OIDC Back-Channel Logout 1.0)
 * @param introspectionClients clients allowed to call the RFC 7662 introspection endpoint
 * @param crypto signature verification provider
 * @param instances number of verticle instances (event loops) serving requests
 * @param outboundCaFile CA certificates (PEM) that alone are trusted for {@code https} upstreams
 *     and JWKS URIs; empty means the JVM's default trust store
 */
public record GatewayConfig(
    Listen listen,
    List<Issuer> issuers,
    List<Route> routes,
    Headers headers,
    Optional<Redis> redis,
    Cache cache,
    Dpop dpop,
    Logout logout,
    List<IntrospectionClient> introspectionClients,
    CryptoProvider crypto,
    int instances,
    Optional<Path> outboundCaFile) {

  /** Reserved path of the health endpoint. */
  public static final String HEALTH_PATH = "/health";
  /** Reserved path of the Prometheus metrics endpoint. */
  public static final String METRICS_PATH = "/metrics";
  /** Reserved path of the RFC 7662 introspection endpoint. */
  public static final String INTROSPECT_PATH = "/introspect";
  /** Reserved path of the OIDC back-channel logout endpoint. */
  public static final String LOGOUT_PATH = "/backchannel-logout";

  /** Copies the lists so the configuration cannot change after loading. */
  public GatewayConfig {
    issuers = List.copyOf(issuers);
    routes = List.copyOf(routes);
    introspectionClients = List.copyOf(introspectionClients);
  }

  /**
   * @param host interface to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
   * @param port TCP port; 0 picks a free port (logged at start)
   * @param tls the server certificate when the gateway terminates TLS itself; empty means plain
   *     HTTP (TLS terminated by a load balancer in front)
   * @param shutdownGracePeriod on shutdown, how long requests in flight may take to finish after
   *     the gateway stops accepting connections
   * @param idleTimeout a client connection that sends and receives nothing this long is closed;
   *     zero keeps idle connections open
   */
  public record Listen(String host, int port, Optional<ServerTls> tls,
      Duration shutdownGracePeriod, Duration idleTimeout) {
    /** Default of {@code listen.idleTimeout}. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
  }

  /**
   * The gateway's own TLS server certificate.
   *
   * @param certFile the certificate chain, PEM, leaf first
   * @param keyFile its private key, unencrypted PEM (PKCS#8, or PKCS#1 for RSA)
   */
  public record ServerTls(Path certFile, Path keyFile) {}

  /**
   * A trusted issuer.
   *
   * @param issuer exact {@code iss} value
   * @param jwksUri where the issuer publishes its keys
   * @param algorithms allowed JWS algorithms, a subset of RS256, PS256, ES256 (and RS384/RS512,
   *     PS384/PS512, ES384/ES512); never {@code none} or HMAC
   * @param clockSkew tolerance for {@code exp}, {@code nbf} and {@code iat}
   * @param jwksRefreshInterval how often keys are refreshed in the background
   * @param jwksMinRefetchInterval least time between two fetches caused by unknown {@code kid}s;
   *     a request with an unknown {@code kid} may wait this long for the next allowed fetch
   * @param jwksMaxStale how long cached keys keep serving after the last successful fetch while
   *     the JWKS endpoint fails; after that tokens of this issuer are rejected
   * @param jwksTimeout timeout of one JWKS fetch
   * @param logoutAudiences {@code aud} values accepted in this issuer's logout tokens (the
   *     gateway's client id at the issuer); empty disables back-channel logout for it
   */
  public record Issuer(
      String issuer,
      URI jwksUri,
      Set<String> algorithms,
      Duration clockSkew,
      Duration jwksRefreshInterval,
      Duration jwksMinRefetchInterval,
      Duration jwksMaxStale,
      Duration jwksTimeout,
      Set<String> logoutAudiences) {
    /** Copies the sets. */
    public Issuer {
      algorithms = Set.copyOf(algorithms);
      logoutAudiences = Set.copyOf(logoutAudiences);
    }
  }

  /**
   * A route: requests whose path starts with {@code pathPrefix} are checked and proxied.
   *
   * @param pathPrefix path prefix, starting with {@code /}
   * @param upstream base URL of the upstream; the request path is appended unchanged
   * @param issuer required issuer; empty accepts any configured issuer
   * @param audience required {@code aud} value
   * @param scopes scopes that must all be present in the token's {@code scope}
   * @param acr accepted {@code acr} values (any of); empty accepts any
   * @param upstreamTimeout idle timeout toward the upstream
   */
  public record Route(
      String pathPrefix,
      URI upstream,
      Optional<String> issuer,
      String audience,
      Set<String> scopes,
      Set<String> acr,
      Duration upstreamTimeout) {
    /** Copies the sets. */
    public Route {
      scopes = Set.copyOf(scopes);
      acr = Set.copyOf(acr);
    }
  }

  /**
   * Identity headers. Every name here (and in {@code strip}) is removed from incoming requests,
   * so a client cannot forge them; the gateway then sets subject, acr and scope itself.
   *
   * @param subject header carrying {@code sub}
   * @param acr header carrying {@code acr}
   * @param scope header carrying the granted scopes
   * @param issuer header carrying {@code iss}
   * @param strip further header names removed from incoming requests
   * @param add fixed headers added to every upstream request
   * @param forwardAuthorization whether {@code Authorization} and {@code DPoP} reach the upstream
   */
  public record Headers(
      String subject,
      String acr,
      String scope,
      String issuer,
      Set<String> strip,
      Map<String, String> add,
      boolean forwardAuthorization) {
    /** Copies the collections. */
    public Headers {
      strip = Set.copyOf(strip);
      add = Map.copyOf(add);
    }
  }

  /**
   * Redis for the shared deny list and replay caches.
   *
   * @param uri {@code redis://host:port} or {@code rediss://host:port} (TLS), never with a user
   *     or password in it
   * @param keyPrefix prefix of every key, so deployments and test runs do not collide
   * @param failMode what happens while Redis is unreachable
   * @param syncInterval how often the deny list version is polled; bounds logout propagation
   * @param unreachableAfter time without a successful poll after which Redis counts as unreachable
   * @param timeout timeout of one Redis command
   * @param auth how the gateway logs in; empty when Redis asks for no password
   * @param tls present exactly when {@code uri} is {@code rediss://}
   */
  public record Redis(
      String uri,
      String keyPrefix,
      FailMode failMode,
      Duration syncInterval,
      Duration unreachableAfter,
      Duration timeout,
      Optional<RedisAuth> auth,
      Optional<RedisTls> tls) {}

  /**
   * Credentials for Redis ({@code HELLO 3 AUTH user password}, Redis 6+ ACL).
   *
   * @param user ACL user; {@code default} is the user that {@code requirepass} protects
   * @param password the password, read from {@code redis.passwordFile} at start
   */
  public record RedisAuth(String user, String password) {
    /** Keeps the password out of logs. */
    @Override
    public String toString() {
      return "RedisAuth[user=" + user + "]";
    }
  }

  /**
   * TLS toward Redis. The server's name in {@code redis.uri} is always checked against its
   * certificate.
   *
   * @param caFile PEM certificates to trust; empty trusts the JVM's default trust store
   * @param certFile PEM client certificate (chain), for Redis {@code tls-auth-clients yes}; present
   *     exactly when {@code keyFile} is
   * @param keyFile PEM private key of {@code certFile}
   */
  public record RedisTls(Optional<Path> caFile, Optional<Path> certFile, Optional<Path> keyFile) {}

  /** What the gateway does while the shared store (Redis) is unreachable. */
  public enum FailMode {
    /** Reject protected requests with 503: a logged-out token is never accepted. The default. */
    CLOSED,
    /**
     * Keep serving with the last known deny list and per-instance replay caches. Logouts sent to
     * other instances meanwhile are missed: insecure, logs a warning.
     */
    OPEN_INSECURE
  }

  /**
   * @param verifiedTokens maximum number of cached verified tokens
   * @param maxEntryLifetime an entry never lives longer than this, nor past the token's {@code exp}
   */
  public record Cache(int verifiedTokens, Duration maxEntryLifetime) {}

  /**
   * @param proofMaxAge accepted distance of a proof's {@code iat} from now (both directions)
   * @param algorithms accepted proof algorithms (asymmetric only)
   * @param publicBaseUrl externally visible base URL used to compute {@code htu} when the gateway
   *     sits behind another proxy; empty derives it from the request
   */
  public record Dpop(Duration proofMaxAge, Set<String> algorithms, Optional<URI> publicBaseUrl) {
    /** Copies the set. */
    public Dpop {
      algorithms = Set.copyOf(algorithms);
    }
  }

  /**
   * @param denyFor how long a logged-out session or subject stays denied; must exceed the
   *     longest access token lifetime
   * @param maxTokenAge oldest accepted logout token {@code iat}
   */
  public record Logout(Duration denyFor, Duration maxTokenAge) {}

  /**
   * A client allowed to introspect (HTTP Basic, RFC 7662 section 2.1).
   *
   * @param clientId client id (Basic user name)
   * @param secret client secret (Basic password)
   * @param audiences if not empty, only tokens with one of these audiences are reported active
   */
  public record IntrospectionClient(String clientId, String secret, Set<String> audiences) {
    /** Copies the set. */
    public IntrospectionClient {
      audiences = Set.copyOf(audiences);
    }

    /** Keeps the secret out of logs. */
    @Override
    public String toString() {
      return "IntrospectionClient[clientId=" + clientId + ", audiences=" + audiences + "]";
    }
  }

  /** JCA provider for signature verification. */
  public enum CryptoProvider {
    /**
     * The fastest that works here, as measured: {@link #ACCP} when its native library loads;
     * otherwise the JDK for RSA and Bouncy Castle for EC.
     */
    AUTO,
    /**
     * The JDK's SunRsaSign for RSA; EC keys still go to Bouncy Castle, because SunEC on Java 17
     * refuses valid ES256 signatures whose R has an x-coordinate of at least the group order.
     */
    JDK,
    /** Bouncy Castle ({@code bcprov}). */
    BC,
    /** Amazon Corretto Crypto Provider (native AWS-LC, Linux x86-64); start fails without it. */
    ACCP
  }
}
