package io.mynagate.gateway.state;

import io.mynagate.gateway.config.GatewayConfig;
import io.mynagate.gateway.rejection.TokenRejectedException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Deny list and replay caches. Implementations are thread-safe; {@link #isDenied} answers from
 * local memory so it is cheap enough for every request (also on verified-token cache hits).
 */
public interface SharedState {
  /** What a deny entry names. */
  enum Target {
    /** An OIDC session ({@code sid}). */
    SESSION,
    /** A subject ({@code sub}): all of its sessions. */
    SUBJECT
  }

  /**
   * @param issuer the token's {@code iss}
   * @param sessionId the token's {@code sid}, may be empty
   * @param subject the token's {@code sub}
   * @return whether the session or subject was logged out
   * @throws TokenRejectedException with {@code STORE_UNAVAILABLE} if the store is unreachable and
   *     the fail mode is closed
   */
  boolean isDenied(String issuer, Optional<String> sessionId, String subject);

  /**
   * Denies a session or subject on every instance.
   *
   * @param target session or subject
   * @param issuer the issuer
   * @param value the {@code sid} or {@code sub}
   * @return completes once the entry is stored where every instance sees it
   */
  Future<Void> deny(Target target, String issuer, String value);

  /**
   * Records a single-use identifier.
   *
   * @param namespace e.g. {@code logout} or {@code dpop}
   * @param id the identifier (hashed before storing)
   * @param ttl how long it must be remembered
   * @return {@code true} on first use, {@code false} on replay; failed with {@code
   *     STORE_UNAVAILABLE} if the store is unreachable and the fail mode is closed
   */
  Future<Boolean> firstUse(String namespace, String id, Duration ttl);

  /**
   * @return {@code true} if the shared store is reachable (always for in-memory)
   */
  boolean reachable();

  /**
   * @return {@code memory} or {@code redis}
   */
  String kind();

  /**
   * @param vertx for timers and the Redis client
   * @return completes once the first synchronization was attempted (never fails)
   */
  Future<Void> start(Vertx vertx);

  /**
   * @return completes when timers and connections are closed
   */
  Future<Void> close();

  /**
   * The store the configuration asks for.
   *
   * @param config the gateway configuration
   * @param clock time source
   * @return Redis-backed if {@code redis} is configured, otherwise in-memory
   */
  static SharedState create(GatewayConfig config, Clock clock) {
    Optional<GatewayConfig.Redis> redis = config.redis();
    Duration denyFor = config.logout().denyFor();
    return redis.<SharedState>map(r -> new RedisSharedState(r, denyFor, clock))
        .orElseGet(() -> new MemorySharedState(denyFor, clock));
  }
}
