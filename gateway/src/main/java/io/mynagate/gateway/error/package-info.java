/**
 * The root of the gateway's exceptions, {@link io.mynagate.gateway.error.GatewayException}. A leaf
 * package: every other package may extend or throw it, and it depends on none of them, so the
 * exception root adds no package cycle (it lived in {@code io.mynagate.gateway}, which wires all
 * the others together).
 */
package io.mynagate.gateway.error;
