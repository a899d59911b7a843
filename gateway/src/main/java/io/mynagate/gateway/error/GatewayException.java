package io.mynagate.gateway.error;

/**
 * Root of the gateway's exceptions. Misconfiguration is reported with {@link
 * io.mynagate.gateway.config.ConfigException}; rejected tokens with {@link
 * io.mynagate.gateway.rejection.TokenRejectedException}. Messages never contain token contents.
 */
public class GatewayException extends RuntimeException {
  /**
   * @param message what went wrong, without secrets or token contents
   */
  public GatewayException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong, without secrets or token contents
   * @param cause the underlying failure, may be {@code null}
   */
  public GatewayException(String message, Throwable cause) {
    super(message, cause);
  }
}
