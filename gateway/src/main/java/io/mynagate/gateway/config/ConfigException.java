package io.mynagate.gateway.config;

import io.mynagate.gateway.error.GatewayException;

/** The configuration file is missing, unreadable or invalid. Names the offending key. */
public final class ConfigException extends GatewayException {
  /**
   * @param message the offending key and why it is invalid
   */
  public ConfigException(String message) {
    super(message);
  }

  /**
   * @param message what could not be read
   * @param cause the underlying failure
   */
  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
