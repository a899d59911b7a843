/**
 * The gateway's configuration: an immutable {@link io.mynagate.gateway.config.GatewayConfig} read
 * from a YAML or JSON file by {@link io.mynagate.gateway.config.ConfigLoader} and validated when
 * loaded. The file format is documented in {@code gateway/README.md}.
 */
package io.mynagate.gateway.config;
