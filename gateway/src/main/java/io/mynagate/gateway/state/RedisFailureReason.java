package io.mynagate.gateway.state;

import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.net.ConnectException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Why a Redis call failed, as one short token for the {@code redis_unreachable} log line. Built
 * from exception types and Redis error codes only, never from messages, so neither a password
 * nor a URI can reach the log through it.
 */
final class RedisFailureReason {
  private RedisFailureReason() {}

  /**
   * @param failure the failure of a Redis call
   * @return {@code auth_failed}, {@code no_permission}, {@code redis_<code>} (another Redis error
   *     reply), {@code tls_handshake_failed}, {@code connect_failed}, {@code timeout}, or the
   *     simple class name of the failure
   */
  static String of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof Response && ((Response) t).type() == ResponseType.ERROR) {
        return fromErrorReply(t.getMessage());
      }
      if (t instanceof SSLException) {
        return "tls_handshake_failed";
      }
      if (t instanceof ConnectException) {
        return "connect_failed";
      }
      if (t instanceof TimeoutException) {
        return "timeout";
      }
    }
    return failure.getClass().getSimpleName();
  }

  /**
   * A Redis error reply starts with an upper-case code: {@code WRONGPASS invalid ...}; the client
   * reports a failed command of a batch as {@code ERR [<index>] <reply>}.
   */
  private static String fromErrorReply(String reply) {
    String[] words = reply == null ? new String[] {""} : reply.split(" ", 4);
    String code = words[0];
    if (code.equals("ERR") && words.length > 2 && words[1].matches("\\[\\d+\\]")) {
      code = words[2];
    }
    switch (code) {
      case "WRONGPASS":
      case "NOAUTH":
        return "auth_failed";
      case "NOPERM":
        return "no_permission";
      default:
        return code.matches("[A-Z]{1,32}") ? "redis_" + code.toLowerCase(Locale.ROOT)
            : "redis_error";
    }
  }
}
