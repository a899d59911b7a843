package io.mynagate.gateway.state;

import io.mynagate.gateway.config.GatewayConfig;
import io.mynagate.gateway.rejection.Rejection;
import io.mynagate.gateway.rejection.TokenRejectedException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Deny list and replay caches in Redis, shared by all gateway instances.
 *
 * <p>Layout under the configured prefix: {@code deny} is a sorted set of live deny entries scored
 * by their expiry (epoch millis); {@code deny:version} counts entries ever added; {@code deny:log}
 * holds the last 10,000 additions as {@code version:expiry:entry} scored by version; {@code
 * seen:<namespace>:<sha256>} are single-use markers with a TTL ({@code SET NX PX}). A deny is one
 * Lua script, so version, set and log never disagree.
 *
 * <p>Propagation: every instance polls {@code deny:version} every {@code syncInterval}; when it
 * moved, it reads only the log entries it has not seen (the whole set at start, or if it fell
 * more than 10,000 entries behind). A logout thus reaches all instances within about one interval
 * (200 ms by default) and requests are answered from local memory. The poll doubles as the health
 * probe: without a successful poll for {@code unreachableAfter}, the store counts as unreachable
 * and the fail mode applies.
 */
final class RedisSharedState implements SharedState {
  private static final System.Logger LOG = System.getLogger(RedisSharedState.class.getName());
  /** Recent deny entries kept for incremental sync; an instance further behind reloads all. */
  private static final int LOG_LENGTH = 10_000;
  /**
   * Adds a deny entry atomically: bumps the version, stores the entry with its expiry, appends
   * "version:expiry:member" to the log scored by version, trims the log, refreshes TTLs.
   */
  private static final String DENY_SCRIPT = String.join("\n",
      "local v = redis.call('INCR', KEYS[2])",
      "redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])",
      "redis.call('ZADD', KEYS[3], v, v .. ':' .. ARGV[1] .. ':' .. ARGV[2])",
      "redis.call('ZREMRANGEBYRANK', KEYS[3], 0, -(tonumber(ARGV[4]) + 1))",
      "redis.call('PEXPIRE', KEYS[1], ARGV[3])",
      "redis.call('PEXPIRE', KEYS[3], ARGV[3])",
      "return v");

  private final GatewayConfig.Redis config;
  private final Duration denyFor;
  private final Clock clock;
  private final ExpiringSet denied;
  private final ExpiringSet localSeen;
  private final String denyKey;
  private final String versionKey;
  private final String logKey;
  private volatile long lastSyncMillis = Long.MIN_VALUE;
  private volatile boolean reportedDown;
  private long lastVersion = -1;
  private boolean syncing;
  private Redis redis;
  private Vertx vertx;
  private long timerId = -1;

  RedisSharedState(GatewayConfig.Redis config, Duration denyFor, Clock clock) {
    this.config = config;
    this.denyFor = denyFor;
    this.clock = clock;
    this.denied = new ExpiringSet(clock);
    this.localSeen = new ExpiringSet(clock);
    this.denyKey = config.keyPrefix() + "deny";
    this.versionKey = config.keyPrefix() + "deny:version";
    this.logKey = config.keyPrefix() + "deny:log";
    if (config.failMode() == GatewayConfig.FailMode.OPEN_INSECURE) {
      LOG.log(System.Logger.Level.WARNING, "event=insecure_option redis.failMode=open-insecure: "
          + "while Redis is unreachable, logouts sent to other instances are NOT enforced");
    }
  }

  @Override
  public Future<Void> start(Vertx vertx) {
    this.vertx = vertx;
    this.redis = Redis.createClient(vertx, RedisClientOptions.of(config));
    timerId = vertx.setPeriodic(config.syncInterval().toMillis(), id -> sync());
    return sync().otherwiseEmpty();
  }

  @Override
  public Future<Void> close() {
    if (vertx != null) {
      vertx.cancelTimer(timerId);
    }
    if (redis != null) {
      redis.close();
    }
    return Future.succeededFuture();
  }

  @Override
  public boolean reachable() {
    long last = lastSyncMillis;
    return last != Long.MIN_VALUE
        && clock.millis() - last <= config.unreachableAfter().toMillis();
  }

  @Override
  public String kind() {
    return "redis";
  }

  @Override
  public boolean isDenied(String issuer, Optional<String> sessionId, String subject) {
    if (!reachable() && config.failMode() == GatewayConfig.FailMode.CLOSED) {
      throw unavailable();
    }
    return DenyKeys.isDenied(denied, issuer, sessionId, subject);
  }

  @Override
  public Future<Void> deny(Target target, String issuer, String value) {
    String member = DenyKeys.of(target, issuer, value);
    long until = clock.millis() + denyFor.toMillis();
    // This instance enforces it at once, whatever Redis says.
    denied.add(member, until);
    return command(Request.cmd(Command.EVAL).arg(DENY_SCRIPT).arg(3)
        .arg(denyKey).arg(versionKey).arg(logKey)
        .arg(until).arg(member).arg(denyFor.toMillis() * 2).arg(LOG_LENGTH))
        .mapEmpty();
  }

  @Override
  public Future<Boolean> firstUse(String namespace, String id, Duration ttl) {
    String key = config.keyPrefix() + "seen:" + namespace + ":" + sha256(id);
    return command(Request.cmd(Command.SET).arg(key).arg("1").arg("NX").arg("PX")
        .arg(Math.max(1, ttl.toMillis())))
        .map(response -> response != null)
        .recover(e -> {
          if (config.failMode() == GatewayConfig.FailMode.CLOSED) {
            return Future.failedFuture(unavailable());
          }
          // open-insecure: replay protection shrinks to this instance while Redis is down.
          return Future.succeededFuture(
              localSeen.addIfAbsent(namespace + "|" + id, clock.millis() + ttl.toMillis()));
        });
  }

  private TokenRejectedException unavailable() {
    return new TokenRejectedException(Rejection.STORE_UNAVAILABLE,
        "shared store unreachable, fail mode closed");
  }

  /**
   * Polls the version. When it moved, reads only the log entries after the last seen version;
   * reloads the whole live set at start, after a gap (log trimmed) or a version reset.
   */
  private Future<Void> sync() {
    if (syncing) {
      return Future.succeededFuture();
    }
    syncing = true;
    return command(Request.cmd(Command.GET).arg(versionKey))
        .compose(response -> {
          long version = response == null ? 0 : response.toLong();
          if (version == lastVersion) {
            return Future.succeededFuture();
          }
          if (lastVersion < 0 || version < lastVersion) {
            return fullReload(version);
          }
          return command(Request.cmd(Command.ZRANGEBYSCORE).arg(logKey)
              .arg("(" + lastVersion).arg("+inf"))
              .compose(entries -> applyLog(entries) ? Future.succeededFuture()
                  : fullReload(version));
        })
        .<Void>mapEmpty()
        .andThen(ar -> {
          syncing = false;
          if (ar.succeeded()) {
            lastSyncMillis = clock.millis();
            if (reportedDown) {
              reportedDown = false;
              LOG.log(System.Logger.Level.INFO, "event=redis_reachable");
            }
          } else {
            denied.sweep();
            if (!reportedDown && !reachable()) {
              reportedDown = true;
              LOG.log(System.Logger.Level.ERROR, "event=redis_unreachable failMode={0} error={1}",
                  config.failMode(), RedisFailureReason.of(ar.cause()));
            }
          }
        });
  }

  private Future<Void> fullReload(long version) {
    long now = clock.millis();
    return send(List.of(
        Request.cmd(Command.ZREMRANGEBYSCORE).arg(denyKey).arg("-inf").arg(now),
        Request.cmd(Command.ZRANGEBYSCORE).arg(denyKey).arg(now).arg("+inf").arg("WITHSCORES")))
        .map(responses -> {
          load(responses.get(1));
          lastVersion = version;
          return null;
        });
  }

  /** Applies log entries after {@code lastVersion}; {@code false} if some are missing. */
  private boolean applyLog(Response entries) {
    long expected = lastVersion + 1;
    for (int i = 0; i < entries.size(); i++) {
      String[] parts = entries.get(i).toString().split(":", 3);
      long version = Long.parseLong(parts[0]);
      if (version != expected) {
        return false;
      }
      denied.add(parts[2], Long.parseLong(parts[1]));
      expected++;
    }
    if (entries.size() == 0) {
      return false;
    }
    lastVersion = expected - 1;
    return true;
  }

  private void load(Response entries) {
    // RESP2 answers a flat list (member, score, ...); RESP3 a list of [member, score] pairs.
    for (int i = 0; i < entries.size(); i++) {
      Response item = entries.get(i);
      if (item.size() == 2 && item.type() == io.vertx.redis.client.ResponseType.MULTI) {
        denied.add(item.get(0).toString(), item.get(1).toDouble().longValue());
      } else if (i + 1 < entries.size()) {
        denied.add(item.toString(), entries.get(++i).toDouble().longValue());
      }
    }
  }

  private Future<Response> command(Request request) {
    return redis.send(request).timeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  private Future<List<Response>> send(List<Request> requests) {
    return redis.batch(requests).timeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  private static String sha256(String id) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(id.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
    }
  }
}
