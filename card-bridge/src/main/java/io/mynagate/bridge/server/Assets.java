package io.mynagate.bridge.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The page's own resources, served from the bridge's class path ({@code assets/} beside this class):
 * the style sheet, the script that shows progress while the card signs, and the icon. The page needs
 * nothing else, so the CSP allows nothing else.
 */
final class Assets {
    /** Path to content type; nothing outside this list is served. */
    static final Map<String, String> TYPES = Map.of(
            "/assets/bridge.css", "text/css; charset=utf-8",
            "/assets/bridge.js", "text/javascript; charset=utf-8",
            "/assets/card.svg", "image/svg+xml");

    private final Map<String, byte[]> bodies;

    Assets() {
        this.bodies = Map.of(
                "/assets/bridge.css", load("bridge.css"),
                "/assets/bridge.js", load("bridge.js"),
                "/assets/card.svg", load("card.svg"));
    }

    static boolean isAsset(String path) {
        return TYPES.containsKey(path);
    }

    void handle(HttpExchange exchange, String path) throws IOException {
        Responses.asset(exchange, TYPES.get(path), bodies.get(path));
    }

    private static byte[] load(String name) {
        try (InputStream in = Assets.class.getResourceAsStream("assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing asset " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
