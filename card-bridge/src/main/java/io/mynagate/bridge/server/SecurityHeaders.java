package io.mynagate.bridge.server;

import com.sun.net.httpserver.Headers;

/**
 * The headers of every response. The page loads nothing but its own style sheet, script and icon; forms
 * post to the bridge, whose successful POST redirects to the return URI, which CSP's {@code form-action}
 * must allow (browsers check it on the redirect too), so a request's page adds exactly that one origin.
 * No framing (clickjacking of the PIN field), no caching (the page holds the CSRF token), no MIME
 * sniffing, no opener, and never any CORS header.
 *
 * <p>Referrers: {@code no-referrer}, except on the request's page, which has the signing form and gets
 * {@code same-origin}. Under {@code no-referrer} a browser sends {@code Origin: null} with a form POST
 * (Fetch, "append a request Origin header"), so the bridge could not tell its own page from a sandboxed
 * frame; {@code same-origin} makes it send the bridge's origin to the bridge and still sends no referrer
 * to any other site. The POST's redirect to the return URI carries {@code no-referrer} again.
 */
final class SecurityHeaders {
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private SecurityHeaders() {}

    /**
     * @param headers the response headers
     * @param formTarget for the request's page, with its signing form: the origin the form may end at after
     *     the bridge's redirect (the request's issuer); null for every other response
     */
    static void apply(Headers headers, String formTarget) {
        headers.set("Content-Security-Policy", formTarget == null ? POLICY : POLICY + " " + formTarget);
        headers.set("X-Frame-Options", "DENY");
        headers.set("Cache-Control", "no-store");
        headers.set("Referrer-Policy", formTarget == null ? "no-referrer" : "same-origin");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
    }
}
