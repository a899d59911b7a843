package io.mynagate.bridge.server;

import com.sun.net.httpserver.Headers;

/**
 * The headers of every response. The page loads nothing but its own style sheet, script and icon; forms
 * post to the bridge, whose successful POST redirects to the return URI, which CSP's {@code form-action}
 * must allow (browsers check it on the redirect too), so a request's page adds exactly that one origin.
 * No framing (clickjacking of the PIN field), no caching (the page holds the CSRF token), no referrer
 * (the address may hold the hand-off request), no MIME sniffing, no opener, and never any CORS header.
 */
final class SecurityHeaders {
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private SecurityHeaders() {}

    /**
     * @param headers the response headers
     * @param returnOrigin the origin the page's form may end at after the bridge's redirect (the request's
     *     issuer), or null for pages without a signing form
     */
    static void apply(Headers headers, String returnOrigin) {
        headers.set("Content-Security-Policy", returnOrigin == null ? POLICY : POLICY + " " + returnOrigin);
        headers.set("X-Frame-Options", "DENY");
        headers.set("Cache-Control", "no-store");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
    }
}
