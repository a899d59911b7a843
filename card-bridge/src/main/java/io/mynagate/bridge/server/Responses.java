package io.mynagate.bridge.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Writes the bridge's responses, each with the {@link SecurityHeaders}. */
final class Responses {
    private Responses() {}

    /**
     * A page.
     *
     * @param returnOrigin the origin the page's form may end at (see {@link SecurityHeaders}), or null
     */
    static void page(HttpExchange exchange, int status, String html, String returnOrigin) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), returnOrigin);
    }

    /** A 303 See Other (RFC 9110 section 15.4.4): the browser GETs {@code location}. */
    static void seeOther(HttpExchange exchange, String location) throws IOException {
        SecurityHeaders.apply(exchange.getResponseHeaders(), null);
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
    }

    /** 405 with the methods the path takes (RFC 9110 section 15.5.6). */
    static void methodNotAllowed(HttpExchange exchange, String allow, String html) throws IOException {
        exchange.getResponseHeaders().set("Allow", allow);
        page(exchange, 405, html, null);
    }

    /** A resource of the bridge itself (style sheet, script, icon). */
    static void asset(HttpExchange exchange, String contentType, byte[] body) throws IOException {
        send(exchange, 200, contentType, body, null);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body, String returnOrigin)
            throws IOException {
        SecurityHeaders.apply(exchange.getResponseHeaders(), returnOrigin);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * The origin of a return URI as a CSP source expression ({@code scheme://host[:port]}), or null when it
     * has characters a source expression cannot hold (then the redirect is blocked: fail closed).
     */
    static String cspOrigin(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            return null;
        }
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        return origin.matches("(https?)://[a-z0-9.\\-\\[\\]:]+") ? origin : null;
    }
}
