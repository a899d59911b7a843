package io.mynagate.gateway.state;

import io.mynagate.gateway.config.GatewayConfig;
import io.mynagate.gateway.token.Rejection;
import io.mynagate.gateway.token.TokenRejectedException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
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
 * <p>Layout under the configured prefix: {@code deny} is a sorted set of deny entries scored by
 * their expiry (epoch millis); {@code deny:version} is a counter bumped on every new entry; {@code
 * seen:<namespace>:<sha256>} are single-use markers with a TTL ({@code SET NX PX}).
 *
 * <p>Propagation: every instance polls {@code deny:version} every {@code syncInterval} and reloads
 * the live entries when it changed, so a logout reaches all instances within about one interval
 * (200 ms by default) and requests are answered from local memory. The poll doubles as the health
 * probe: without a successful poll for {@code unreachableAfter}, the store counts as unreachable
 * and the fail mode applies.
 */
final class RedisSharedState implements SharedState {
  private static final System.Logger LOG = System.getLogger(RedisSharedState.class.getName());

  private final GatewayConfig.Redis config;
  private final Duration denyFor;
  private final Clock clock;
  private final ExpiringSet denied;
  private final ExpiringSet localSeen;
  private final String denyKey;
  private final String versionKey;
  private volatile long lastSyncMillis = Long.MIN_VALUE;
  private volatile boolean reportedDown;
  private String lastVersion = "";
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
    if (config.failMode() == GatewayConfig.FailMode.OPEN_INSECURE) {
      LOG.log(System.Logger.Level.WARNING, "event=insecure_option redis.failMode=open-insecure: "
          + "while Redis is unreachable, logouts sent to other instances are NOT enforced");
    }
  }

  @Override
  public Future<Void> start(Vertx vertx) {
    this.vertx = vertx;
    this.redis = Redis.createClient(vertx, new RedisOptions()
        .setConnectionString(config.uri())
        .setMaxPoolSize(8)
        .setMaxPoolWaiting(1024)
        .setMaxWaitingHandlers(4096));
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
    return send(List.of(
        Request.cmd(Command.ZADD).arg(denyKey).arg(until).arg(member),
        Request.cmd(Command.INCR).arg(versionKey),
        Request.cmd(Command.PEXPIRE).arg(denyKey).arg(denyFor.toMillis() * 2)))
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

  /** Polls the version; reloads the live deny entries when it changed. */
  private Future<Void> sync() {
    if (syncing) {
      return Future.succeededFuture();
    }
    syncing = true;
    return command(Request.cmd(Command.GET).arg(versionKey))
        .compose(version -> {
          String v = version == null ? "0" : version.toString();
          if (v.equals(lastVersion)) {
            return Future.succeededFuture();
          }
          long now = clock.millis();
          return send(List.of(
              Request.cmd(Command.ZREMRANGEBYSCORE).arg(denyKey).arg("-inf").arg(now),
              Request.cmd(Command.ZRANGEBYSCORE).arg(denyKey).arg(now).arg("+inf")
                  .arg("WITHSCORES")))
              .map(responses -> {
                load(responses.get(1));
                lastVersion = v;
                return null;
              });
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
                  config.failMode(), ar.cause().getMessage());
            }
          }
        });
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
