package io.mynagate.gateway.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounded cache of verified tokens keyed by the SHA-256 of the token (the token itself is never
 * stored as a key). An entry expires no later than the token's {@code exp} and is dropped when the
 * key that verified it leaves the issuer's JWKS. Thread-safe.
 *
 * <p>Eviction when full is approximate: expired entries first, then arbitrary ones. That keeps
 * lookups lock-free; a strict LRU would serialize all event loops on one lock.
 */
public final class TokenCache {
  /** One digest per event-loop thread: used on every request, so no provider lookup each time. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
    }
  });

  private final ConcurrentHashMap<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();
  private final int maxEntries;
  private final long maxLifetimeMillis;
  private final Clock clock;

  private record Entry(VerifiedToken token, long expiresAtMillis) {}

  /**
   * @param maxEntries bound on the number of entries; 0 disables caching
   * @param maxLifetimeMillis an entry never lives longer than this
   * @param clock time source
   */
  public TokenCache(int maxEntries, long maxLifetimeMillis, Clock clock) {
    this.maxEntries = maxEntries;
    this.maxLifetimeMillis = maxLifetimeMillis;
    this.clock = clock;
  }

  /**
   * @param token a compact JWS
   * @return its SHA-256 as a map key
   */
  public static ByteBuffer keyOf(String token) {
    return ByteBuffer.wrap(SHA256.get().digest(token.getBytes(StandardCharsets.US_ASCII)));
  }

  /**
   * @return whether entries are kept at all ({@code maxEntries > 0}); when not, callers can skip
   *     computing keys
   */
  public boolean enabled() {
    return maxEntries > 0;
  }

  /**
   * @param key from {@link #keyOf}
   * @return the verified token, or {@code null} if absent or expired
   */
  public VerifiedToken get(ByteBuffer key) {
    Entry e = entries.get(key);
    if (e == null) {
      return null;
    }
    if (clock.millis() >= e.expiresAtMillis()) {
      entries.remove(key, e);
      return null;
    }
    return e.token();
  }

  /**
   * @param key from {@link #keyOf}
   * @param token the verified token
   */
  public void put(ByteBuffer key, VerifiedToken token) {
    if (maxEntries == 0) {
      return;
    }
    long now = clock.millis();
    long expiresAt = Math.min(token.expiresAt().toEpochMilli(), now + maxLifetimeMillis);
    if (expiresAt <= now) {
      return;
    }
    if (entries.size() >= maxEntries) {
      evict(now);
    }
    entries.put(key, new Entry(token, expiresAt));
  }

  /**
   * Drops entries verified with keys that left the JWKS.
   *
   * @param issuer the issuer
   * @param kids the removed key ids
   */
  public void removeKeys(String issuer, Set<String> kids) {
    entries.values().removeIf(e -> e.token().issuer().equals(issuer)
        && kids.contains(e.token().keyId()));
  }

  /**
   * @return current number of entries
   */
  public int size() {
    return entries.size();
  }

  private void evict(long now) {
    entries.values().removeIf(e -> now >= e.expiresAtMillis());
    int excess = entries.size() - maxEntries + Math.max(1, maxEntries / 10);
    Iterator<Map.Entry<ByteBuffer, Entry>> it = entries.entrySet().iterator();
    while (excess-- > 0 && it.hasNext()) {
      it.next();
      it.remove();
    }
  }
}
