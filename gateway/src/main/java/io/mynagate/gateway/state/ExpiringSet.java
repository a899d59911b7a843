package io.mynagate.gateway.state;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/** Strings remembered until an expiry time. Thread-safe. */
final class ExpiringSet {
  private final ConcurrentHashMap<String, Long> expiries = new ConcurrentHashMap<>();
  private final Clock clock;

  ExpiringSet(Clock clock) {
    this.clock = clock;
  }

  boolean contains(String key) {
    Long until = expiries.get(key);
    return until != null && until > clock.millis();
  }

  void add(String key, long untilMillis) {
    expiries.merge(key, untilMillis, Math::max);
  }

  /** Atomically adds unless a live entry exists; returns whether it was added. */
  boolean addIfAbsent(String key, long untilMillis) {
    long now = clock.millis();
    boolean[] added = {false};
    expiries.compute(key, (k, old) -> {
      if (old != null && old > now) {
        return old;
      }
      added[0] = true;
      return untilMillis;
    });
    return added[0];
  }

  boolean isEmpty() {
    return expiries.isEmpty();
  }

  void sweep() {
    long now = clock.millis();
    expiries.values().removeIf(until -> until <= now);
  }
}
