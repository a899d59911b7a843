package io.mynagate.gateway.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Redis settings for tests: the real Redis on loopback with a key prefix unique to the run. */
public final class RedisSupport {
  /** Where CI and the build machine run Redis (scripts/test.sh starts it). */
  public static final String URI = "redis://127.0.0.1:6379";

  private RedisSupport() {}

  public static String uniquePrefix() {
    return "myna:gw:test:" + UUID.randomUUID() + ":";
  }

  public static Map<String, Object> config(String uri, String prefix, String failMode) {
    Map<String, Object> redis = new LinkedHashMap<>();
    redis.put("uri", uri);
    redis.put("keyPrefix", prefix);
    redis.put("failMode", failMode);
    redis.put("syncInterval", "100ms");
    redis.put("unreachableAfter", "400ms");
    redis.put("timeout", "300ms");
    return redis;
  }

  /** A loopback URI where nothing listens. */
  public static String closedPortUri() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "redis://127.0.0.1:" + socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
