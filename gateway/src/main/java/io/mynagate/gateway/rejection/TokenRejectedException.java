package io.mynagate.gateway.rejection;

import io.mynagate.gateway.error.GatewayException;
import java.util.Objects;

/**
 * A token, proof or request was refused. The message is safe to log (it never contains token
 * contents) but is not sent to clients; they see only the standard error code.
 */
public final class TokenRejectedException extends GatewayException {
  private final Rejection reason;

  /**
   * @param reason why; decides the HTTP response
   * @param message detail for logs, without token contents
   */
  public TokenRejectedException(Rejection reason, String message) {
    super(message, null);
    this.reason = Objects.requireNonNull(reason);
  }

  /**
   * @return why the token was refused, never {@code null}
   */
  public Rejection reason() {
    return reason;
  }

  /** Rejections are frequent and expected; a stack trace would only cost time. */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
