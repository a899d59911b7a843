package io.mynagate.bridge.server;

import java.util.Locale;

/**
 * Which {@code Host} and {@code Origin} are the bridge's own. A web page may resolve a name of its own
 * to 127.0.0.1 (DNS rebinding) and so reach the bridge from the browser; its requests then carry that
 * name in {@code Host} (RFC 9110 section 7.2), so only {@code 127.0.0.1:<port>} and
 * {@code localhost:<port>} are served. A state-changing request must come from the bridge's own page:
 * its {@code Origin} (RFC 6454) is {@code http://} and the very host it was sent to.
 */
final class LoopbackHost {
    private final String numeric;
    private final String named;

    LoopbackHost(int port) {
        this.numeric = "127.0.0.1:" + port;
        this.named = "localhost:" + port;
    }

    /**
     * @param host the {@code Host} header, may be null
     * @return whether it names the bridge ({@code localhost} in any case, as host names are case-insensitive)
     */
    boolean isOwnHost(String host) {
        if (host == null) {
            return false;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.equals(numeric) || lower.equals(named);
    }

    /**
     * @param origin the {@code Origin} header, may be null (then refused: browsers send it with every POST)
     * @param host the request's {@code Host}, already accepted by {@link #isOwnHost(String)}
     * @return whether the request comes from a page of the bridge at that host
     */
    boolean isOwnOrigin(String origin, String host) {
        return origin != null && isOwnHost(host) && origin.toLowerCase(Locale.ROOT)
                .equals("http://" + host.toLowerCase(Locale.ROOT));
    }
}
