/**
 * Myna Gateway's token-checking reverse proxy for relying-party APIs. {@link
 * io.mynagate.gateway.Gateway#start} runs it in a Vert.x instance; {@link
 * io.mynagate.gateway.GatewayMain} is the command line.
 */
package io.mynagate.gateway;
