/**
 * The bridge's local page ({@code card-bridge serve}): {@link io.mynagate.bridge.server.BridgeServer}, an
 * HTTP server on {@code 127.0.0.1} that receives the identity provider's hand-off request, verifies it
 * with {@code jpki}'s {@link io.mynagate.jpki.handoff.HandoffRequestVerifier}, shows the resident its own
 * page (Japanese or English) and signs the card assertion through
 * {@link io.mynagate.bridge.card.CardService}.
 *
 * <p>The checks of a request, in the order they run: {@code Host} ({@code BridgeHandler}), route and
 * method, then per endpoint ({@code HandoffEndpoint}, {@code SignEndpoint}). Every response gets its
 * headers from {@code SecurityHeaders}; every text comes from {@code Texts} (message keys, refusals keyed
 * by their {@link io.mynagate.jpki.Reason} code). Built on the JDK's {@code com.sun.net.httpserver}: a
 * few pages for one resident need no framework.
 */
package io.mynagate.bridge.server;
