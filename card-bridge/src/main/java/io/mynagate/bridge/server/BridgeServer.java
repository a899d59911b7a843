package io.mynagate.bridge.server;

import java.net.InetSocketAddress;
import java.net.URI;

/**
 * The card bridge's local page ({@code card-bridge serve}): an HTTP server on the loopback address
 * that receives the identity provider's hand-off by a top-level navigation, shows the resident who asks
 * and for what, takes the PIN on its own page, signs with the card and sends the browser back to the
 * return URI with the card assertion in the URL fragment (DESIGN.md "Login, step by step", steps 2-3).
 *
 * <p>Endpoints, each refusing every other method with 405:
 * <ul>
 *   <li>{@code GET /handoff?request=<JWS>}: verifies the hand-off request with {@code jpki}'s
 *       {@link io.mynagate.jpki.handoff.HandoffRequestVerifier}; refused: a page saying why (400, or 503
 *       when the issuer's key set is unavailable); accepted: kept under a random id and answered with
 *       303 to {@code /handoff/<id>}, so that the request leaves the address bar and a reload does not
 *       replay it;</li>
 *   <li>{@code GET /handoff/<id>}: the bridge's page: the service, the identity provider, the purpose,
 *       the claims with one checkbox each ({@code share}), the card's tries left (read without spending
 *       one), the PIN field;</li>
 *   <li>{@code POST /handoff/<id>/sign}: the PIN, the approved claims and the page's CSRF token; signs
 *       at most once per request and answers 303 to {@code <return_uri>#assertion=<JWS>};</li>
 *   <li>{@code GET /}: the bridge is running, and the card's status;</li>
 *   <li>{@code GET /assets/...}: the page's style sheet, script and icon (no external resource).</li>
 * </ul>
 *
 * <p>Hardening: bound to {@code 127.0.0.1} only; every request's {@code Host} must be
 * {@code 127.0.0.1:<port>} or {@code localhost:<port>} (421 otherwise: DNS rebinding); a POST needs an
 * {@code Origin} that is the bridge's own and the CSRF token of the request's page (403 otherwise); no
 * CORS header ever; every response carries a strict Content-Security-Policy with
 * {@code frame-ancestors 'none'}, {@code X-Frame-Options: DENY}, {@code Cache-Control: no-store},
 * {@code Referrer-Policy: no-referrer} and {@code X-Content-Type-Options: nosniff}. The PIN is read into
 * a {@code char[]}, wiped after use, never logged and never written into a page.
 *
 * <p>Start one with {@link #builder()}. Thread-safe; {@link #close()} stops it.
 */
public interface BridgeServer extends AutoCloseable {
    /** The default port, {@value}: documented, so that an identity provider can hand off to it. */
    int DEFAULT_PORT = 18450;

    /** @return the port the server listens on (the chosen one when it was started on port 0) */
    int port();

    /** @return the listening address, always {@code 127.0.0.1} and {@link #port()} */
    InetSocketAddress address();

    /** @return the bridge's origin, {@code http://127.0.0.1:<port>} (no trailing slash) */
    URI origin();

    /** Stops the server; pending requests are forgotten. Idempotent. */
    @Override
    void close();

    /** @return a new builder */
    static BridgeServerBuilder builder() {
        return new BridgeServerBuilder();
    }
}
