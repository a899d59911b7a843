package io.mynagate.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private static VerifiedToken token(String kid, Instant exp) {
    return new VerifiedToken("https://i", "s", Optional.empty(), List.of("a"), Set.of(),
        Optional.empty(), exp, kid, Optional.empty(), new JWTClaimsSet.Builder().build());
  }

  private static final class MutableClock extends Clock {
    Instant now = NOW;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void entryExpiresAtTheTokensExp() {
    MutableClock clock = new MutableClock();
    TokenCache cache = new TokenCache(10, 300_000, clock);
    ByteBuffer key = TokenCache.keyOf("t1");
    cache.put(key, token("k", NOW.plusSeconds(60)));
    clock.now = NOW.plusSeconds(59);
    assertThat(cache.get(key)).isNotNull();
    clock.now = NOW.plusSeconds(60);
    assertThat(cache.get(key)).isNull();
  }

  @Test
  void entryNeverOutlivesMaxLifetime() {
    MutableClock clock = new MutableClock();
    TokenCache cache = new TokenCache(10, 1_000, clock);
    ByteBuffer key = TokenCache.keyOf("t1");
    cache.put(key, token("k", NOW.plusSeconds(3600)));
    clock.now = NOW.plusMillis(1_000);
    assertThat(cache.get(key)).isNull();
  }

  @Test
  void staysWithinItsBound() {
    TokenCache cache = new TokenCache(100, 300_000, new MutableClock());
    for (int i = 0; i < 1000; i++) {
      cache.put(TokenCache.keyOf("t" + i), token("k", NOW.plusSeconds(60)));
    }
    assertThat(cache.size()).isLessThanOrEqualTo(100);
  }

  @Test
  void dropsEntriesOfRemovedKeys() {
    TokenCache cache = new TokenCache(10, 300_000, new MutableClock());
    cache.put(TokenCache.keyOf("old"), token("k-old", NOW.plusSeconds(60)));
    cache.put(TokenCache.keyOf("new"), token("k-new", NOW.plusSeconds(60)));
    cache.removeKeys("https://i", Set.of("k-old"));
    assertThat(cache.get(TokenCache.keyOf("old"))).isNull();
    assertThat(cache.get(TokenCache.keyOf("new"))).isNotNull();
  }

  @Test
  void keysByDigestNotByTokenText() {
    assertThat(TokenCache.keyOf("a.b.c").remaining()).isEqualTo(32);
  }

  @Test
  void cachesNothingWhenDisabled() {
    TokenCache cache = new TokenCache(0, 300_000, new MutableClock());
    cache.put(TokenCache.keyOf("t"), token("k", NOW.plusSeconds(60)));
    assertThat(cache.get(TokenCache.keyOf("t"))).isNull();
  }

  @Test
  void saysWhetherItIsEnabledSoCallersCanSkipHashing() {
    assertThat(new TokenCache(0, 300_000, new MutableClock()).enabled()).isFalse();
    assertThat(new TokenCache(1, 300_000, new MutableClock()).enabled()).isTrue();
  }
}
