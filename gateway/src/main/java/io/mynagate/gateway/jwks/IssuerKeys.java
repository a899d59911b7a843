package io.mynagate.gateway.jwks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.mynagate.gateway.config.GatewayConfig;
import io.mynagate.gateway.metrics.GatewayMetrics;
import io.mynagate.gateway.rejection.Rejection;
import io.mynagate.gateway.rejection.TokenRejectedException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * One issuer's signing keys. Thread-safe: request threads read an immutable snapshot; fetches are
 * serialized so concurrent unknown-{@code kid} lookups share one fetch.
 *
 * <p>Freshness rules: keys are refreshed every {@code jwksRefreshInterval}; an unknown {@code kid}
 * triggers a refetch shared by all requests waiting for it, at most one per {@code
 * jwksMinRefetchInterval} (requests arriving sooner wait for the next allowed one), so forged
 * {@code kid}s cannot flood the issuer; when fetches fail, the last keys keep serving until
 * {@code jwksMaxStale} after the last success, then the issuer's tokens are refused with {@link
 * Rejection#KEYS_UNAVAILABLE}.
 */
public final class IssuerKeys {
  private static final System.Logger LOG = System.getLogger(IssuerKeys.class.getName());

  private final GatewayConfig.Issuer config;
  private final JwksSource source;
  private final Clock clock;
  private final VerificationProviders providers;
  private final GatewayMetrics metrics;
  private final BiConsumer<String, Set<String>> onKeysRemoved;

  private volatile Snapshot snapshot = new Snapshot(Map.of(), Long.MIN_VALUE);
  private Future<Void> inflight;
  private Future<Void> deferred;
  private long lastFetchStart = Long.MIN_VALUE;
  private long timerId = -1;
  private Vertx vertx;

  private record Entry(JWK jwk, JWSVerifier verifier) {}

  private record Snapshot(Map<String, Entry> byKid, long fetchedAtMillis) {}

  /**
   * @param config the issuer's settings
   * @param source where the keys come from
   * @param clock time source
   * @param providers JCA providers for verification by key type
   * @param metrics refresh counters
   * @param onKeysRemoved called with (issuer, removed kids) when keys leave the JWKS or expire
   */
  public IssuerKeys(GatewayConfig.Issuer config, JwksSource source, Clock clock,
      VerificationProviders providers, GatewayMetrics metrics, BiConsumer<String, Set<String>> onKeysRemoved) {
    this.config = config;
    this.source = source;
    this.clock = clock;
    this.providers = providers;
    this.metrics = metrics;
    this.onKeysRemoved = onKeysRemoved;
  }

  /**
   * The default HTTP source for an issuer.
   *
   * @param client the shared web client
   * @param config the issuer
   * @return a source fetching {@code config.jwksUri()} with {@code config.jwksTimeout()}
   */
  public static JwksSource httpSource(WebClient client, GatewayConfig.Issuer config) {
    return new HttpJwksSource(client, config.jwksUri(), config.jwksTimeout());
  }

  /**
   * Fetches the keys once and schedules background refreshes. Succeeds even if the first fetch
   * fails (the issuer may come up later); tokens are then refused until keys arrive.
   *
   * @param vertx the Vert.x instance owning the refresh timer
   * @return completes after the first fetch attempt
   */
  public Future<Void> start(Vertx vertx) {
    this.vertx = vertx;
    timerId = vertx.setPeriodic(config.jwksRefreshInterval().toMillis(), id -> refresh());
    return refresh().otherwiseEmpty();
  }

  /** Stops background refreshes. */
  public void stop() {
    if (vertx != null && timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
  }

  /**
   * @return the issuer identifier
   */
  public String issuer() {
    return config.issuer();
  }

  /**
   * @return the issuer's settings
   */
  public GatewayConfig.Issuer config() {
    return config;
  }

  /**
   * @return number of keys currently serving (0 when stale beyond the bound)
   */
  public int keyCount() {
    Snapshot s = snapshot;
    return isServing(s) ? s.byKid().size() : 0;
  }

  /**
   * Cheap check used on verified-token cache hits.
   *
   * @param kid a key id
   * @return whether that key is in the current, non-expired key set
   */
  public boolean serves(String kid) {
    Snapshot s = snapshot;
    return isServing(s) && s.byKid().containsKey(kid);
  }

  /**
   * Finds the verifier for a token's key, refetching the JWKS once if the {@code kid} is unknown.
   *
   * @param kid the token's {@code kid}; {@code null} matches only when the set has one usable key
   * @param alg the token's (already allowlisted) algorithm
   * @return the verifier, or a failed future with a {@link TokenRejectedException}
   */
  public Future<Verifier> verifier(String kid, JWSAlgorithm alg) {
    Snapshot s = snapshot;
    if (isServing(s)) {
      Verifier found = find(s, kid, alg);
      if (found != null) {
        return Future.succeededFuture(found);
      }
    }
    return refetchForUnknownKid().otherwiseEmpty().compose(v -> {
      Snapshot now = snapshot;
      if (!isServing(now)) {
        return Future.failedFuture(keysUnavailable());
      }
      Verifier found = find(now, kid, alg);
      return found != null ? Future.succeededFuture(found)
          : Future.failedFuture(new TokenRejectedException(Rejection.UNKNOWN_KEY,
              "no key for kid after refetch"));
    });
  }

  /** A verifier together with the kid it belongs to (the cache remembers the kid). */
  public record Verifier(String kid, JWSVerifier verifier) {}

  private TokenRejectedException keysUnavailable() {
    return new TokenRejectedException(Rejection.KEYS_UNAVAILABLE,
        "keys of issuer unavailable (JWKS endpoint failing beyond jwksMaxStale)");
  }

  private Verifier find(Snapshot s, String kid, JWSAlgorithm alg) {
    if (kid != null) {
      Entry e = s.byKid().get(kid);
      return e != null && fits(e.jwk(), alg) ? new Verifier(kid, e.verifier()) : null;
    }
    Verifier only = null;
    for (Map.Entry<String, Entry> e : s.byKid().entrySet()) {
      if (fits(e.getValue().jwk(), alg)) {
        if (only != null) {
          return null;
        }
        only = new Verifier(e.getKey(), e.getValue().verifier());
      }
    }
    return only;
  }

  private static boolean fits(JWK jwk, JWSAlgorithm alg) {
    if (jwk.getAlgorithm() != null && !jwk.getAlgorithm().equals(alg)) {
      return false;
    }
    if (JWSAlgorithm.Family.RSA.contains(alg)) {
      return jwk instanceof RSAKey;
    }
    if (JWSAlgorithm.Family.EC.contains(alg) && jwk instanceof ECKey) {
      // ES256 needs P-256, ES384 P-384, ES512 P-521 (RFC 7518 section 3.4).
      return Curve.forJWSAlgorithm(alg).contains(((ECKey) jwk).getCurve());
    }
    return false;
  }

  private boolean isServing(Snapshot s) {
    return s.fetchedAtMillis() != Long.MIN_VALUE
        && clock.millis() - s.fetchedAtMillis() <= config.jwksMaxStale().toMillis();
  }

  /**
   * Returns the fetch an unknown {@code kid} waits for: the one in flight, a new one, or — within
   * {@code jwksMinRefetchInterval} of the last — the single fetch scheduled for when the interval
   * ends. So a key published just after a fetch is still found, and forged {@code kid}s cause at
   * most one fetch per interval however many arrive.
   */
  private synchronized Future<Void> refetchForUnknownKid() {
    if (inflight != null) {
      return inflight;
    }
    long wait = lastFetchStart == Long.MIN_VALUE ? 0
        : lastFetchStart + config.jwksMinRefetchInterval().toMillis() - clock.millis();
    if (wait <= 0 || vertx == null) {
      return startFetch("unknown_kid");
    }
    if (deferred == null) {
      Promise<Void> promise = Promise.promise();
      deferred = promise.future();
      vertx.setTimer(wait, id -> {
        Future<Void> fetch;
        synchronized (this) {
          deferred = null;
          fetch = inflight != null ? inflight : startFetch("unknown_kid");
        }
        fetch.onComplete(promise);
      });
    }
    return deferred;
  }

  private synchronized Future<Void> refresh() {
    if (inflight != null) {
      return inflight;
    }
    Snapshot s = snapshot;
    if (s.fetchedAtMillis() != Long.MIN_VALUE && !isServing(s)) {
      // Stale beyond the bound: drop cached tokens verified with these keys.
      onKeysRemoved.accept(config.issuer(), s.byKid().keySet());
    }
    return startFetch("scheduled");
  }

  private synchronized Future<Void> startFetch(String cause) {
    lastFetchStart = clock.millis();
    Future<Void> f = source.fetch().compose(this::install).andThen(ar -> {
      metrics.jwksRefresh(config.issuer(), cause, ar.succeeded());
      if (ar.failed()) {
        LOG.log(System.Logger.Level.WARNING,
            "event=jwks_fetch_failed issuer={0} cause={1} error={2}",
            config.issuer(), cause, ar.cause().getMessage());
      }
      synchronized (this) {
        inflight = null;
      }
    });
    inflight = f.isComplete() ? null : f;
    return f;
  }

  private Future<Void> install(JWKSet set) {
    Map<String, Entry> byKid = new HashMap<>();
    for (JWK jwk : set.getKeys()) {
      if (jwk.getKeyID() == null || KeyUse.ENCRYPTION.equals(jwk.getKeyUse())) {
        continue;
      }
      try {
        byKid.put(jwk.getKeyID(), new Entry(jwk, providers.forIssuerKey(jwk)));
      } catch (JOSEException | RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "event=jwks_key_skipped issuer={0} kid={1}",
            config.issuer(), jwk.getKeyID());
      }
    }
    Snapshot old = snapshot;
    snapshot = new Snapshot(Map.copyOf(byKid), clock.millis());
    Set<String> removed = new HashSet<>(old.byKid().keySet());
    removed.removeAll(byKid.keySet());
    if (!removed.isEmpty()) {
      LOG.log(System.Logger.Level.INFO, "event=jwks_keys_removed issuer={0} kids={1}",
          config.issuer(), removed);
      onKeysRemoved.accept(config.issuer(), removed);
    }
    return Future.succeededFuture();
  }
}
