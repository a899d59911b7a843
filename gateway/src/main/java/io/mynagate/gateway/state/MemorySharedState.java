package io.mynagate.gateway.state;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Deny list and replay caches in this process only: for a single gateway instance. */
final class MemorySharedState implements SharedState {
  private final ExpiringSet denied;
  private final ExpiringSet seen;
  private final Duration denyFor;
  private final Clock clock;
  private long sweepTimer = -1;
  private Vertx vertx;

  MemorySharedState(Duration denyFor, Clock clock) {
    this.denyFor = denyFor;
    this.clock = clock;
    this.denied = new ExpiringSet(clock);
    this.seen = new ExpiringSet(clock);
  }

  @Override
  public boolean isDenied(String issuer, Optional<String> sessionId, String subject) {
    return DenyKeys.isDenied(denied, issuer, sessionId, subject);
  }

  @Override
  public Future<Void> deny(Target target, String issuer, String value) {
    denied.add(DenyKeys.of(target, issuer, value), clock.millis() + denyFor.toMillis());
    return Future.succeededFuture();
  }

  @Override
  public Future<Boolean> firstUse(String namespace, String id, Duration ttl) {
    return Future.succeededFuture(
        seen.addIfAbsent(namespace + "|" + id, clock.millis() + ttl.toMillis()));
  }

  @Override
  public boolean reachable() {
    return true;
  }

  @Override
  public String kind() {
    return "memory";
  }

  @Override
  public Future<Void> start(Vertx vertx) {
    this.vertx = vertx;
    sweepTimer = vertx.setPeriodic(10_000, id -> {
      denied.sweep();
      seen.sweep();
    });
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> close() {
    if (vertx != null) {
      vertx.cancelTimer(sweepTimer);
    }
    return Future.succeededFuture();
  }
}
