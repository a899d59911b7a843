package io.mynagate.gateway.config;

import io.mynagate.gateway.config.GatewayConfig.FailMode;
import io.mynagate.gateway.config.GatewayConfig.Redis;
import io.mynagate.gateway.config.GatewayConfig.RedisAuth;
import io.mynagate.gateway.config.GatewayConfig.RedisTls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the {@code redis} section: where Redis is, how the gateway logs in, which TLS peers it
 * trusts. Credentials never come from the URI: a URI ends up in process lists, logs and error
 * messages, so one that carries a password is refused.
 */
final class RedisConfigReader {
  private static final String DEFAULT_URI = "redis://127.0.0.1:6379";
  private static final String EXPECTED_FORM =
      "must be redis://host:port or rediss://host:port (TLS)";
  /** Redis's built-in user, the one {@code requirepass} sets the password of. */
  private static final String DEFAULT_USER = "default";

  private RedisConfigReader() {}

  static Redis read(Node rd) {
    rd.allowOnly("uri", "keyPrefix", "failMode", "syncInterval", "unreachableAfter", "timeout",
        "user", "passwordFile", "tls");
    String uri = rd.string("uri", DEFAULT_URI);
    boolean rediss = isTls(rd.key("uri"), uri);
    return new Redis(uri, rd.string("keyPrefix", "myna:gw:"), failMode(rd),
        rd.duration("syncInterval", "200ms"), rd.duration("unreachableAfter", "1s"),
        rd.duration("timeout", "500ms"), auth(rd), tls(rd, rediss));
  }

  private static FailMode failMode(Node rd) {
    String text = rd.string("failMode", "closed").toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      return FailMode.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(rd.key("failMode") + ": must be closed or open-insecure");
    }
  }

  /**
   * Checks the scheme and that no credentials ride along; {@code true} for {@code rediss://}.
   * Messages never repeat the URI, since it may hold the very password being refused.
   */
  private static boolean isTls(String key, String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      // Not chained: URISyntaxException's message repeats the input.
      throw new ConfigException(key + ": not a valid URI; " + EXPECTED_FORM);
    }
    String scheme = uri.getScheme();
    if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
      throw new ConfigException(key + ": wrong scheme; " + EXPECTED_FORM);
    }
    // Any '@' counts, not only one the URI parser takes for userinfo: a password holding '/' or
    // '#' moves the '@' out of the authority yet still reaches a log when the URI is printed.
    if (text.indexOf('@') >= 0 || hasCredentialParameter(uri)) {
      throw new ConfigException(key + ": must not carry a user or password (it would show in "
          + "process lists and logs); use redis.user and redis.passwordFile");
    }
    if (uri.getHost() == null) {
      throw new ConfigException(key + ": names no host; " + EXPECTED_FORM);
    }
    return "rediss".equals(scheme);
  }

  /** The Vert.x client also reads {@code ?user=} and {@code ?password=}. */
  private static boolean hasCredentialParameter(URI uri) {
    String query = uri.getRawQuery();
    if (query == null) {
      return false;
    }
    for (String parameter : query.split("&")) {
      String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
      if (name.equals("user") || name.equals("password")) {
        return true;
      }
    }
    return false;
  }

  private static Optional<RedisAuth> auth(Node rd) {
    Optional<String> user = rd.optionalString("user");
    Optional<String> passwordFile = rd.optionalString("passwordFile");
    if (passwordFile.isEmpty()) {
      if (user.isPresent()) {
        throw new ConfigException(rd.key("user") + ": needs redis.passwordFile (an ACL user "
            + "logs in with a password)");
      }
      return Optional.empty();
    }
    String password = PasswordFile.read(rd.key("passwordFile"), passwordFile.get());
    return Optional.of(new RedisAuth(user.orElse(DEFAULT_USER), password));
  }

  private static Optional<RedisTls> tls(Node rd, boolean rediss) {
    if (!rd.has("tls")) {
      return rediss
          ? Optional.of(new RedisTls(Optional.empty(), Optional.empty(), Optional.empty()))
          : Optional.empty();
    }
    Node t = rd.child("tls");
    if (!rediss) {
      throw new ConfigException(t.path + ": only with a rediss:// redis.uri; a redis:// "
          + "connection is not encrypted");
    }
    t.allowOnly("caFile", "certFile", "keyFile");
    Optional<String> certFile = t.optionalString("certFile");
    Optional<String> keyFile = t.optionalString("keyFile");
    if (certFile.isPresent() != keyFile.isPresent()) {
      String missing = certFile.isPresent() ? "keyFile" : "certFile";
      throw new ConfigException(t.key(missing) + ": required with redis.tls."
          + (certFile.isPresent() ? "certFile" : "keyFile") + " (a client certificate needs "
          + "its key)");
    }
    return Optional.of(new RedisTls(
        t.optionalString("caFile").map(f -> PemFiles.certificates(t.key("caFile"), f)),
        certFile.map(f -> PemFiles.certificates(t.key("certFile"), f)),
        keyFile.map(f -> PemFiles.privateKey(t.key("keyFile"), f))));
  }
}
