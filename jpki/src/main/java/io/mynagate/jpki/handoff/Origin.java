package io.mynagate.jpki.handoff;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The origin of an http(s) URL, RFC 6454 section 4: scheme, host and port, with the scheme's default
 * port filled in, compared exactly (after lower-casing scheme and host, section 4 steps 4-5). No DNS:
 * two names of one address are two origins.
 */
final class Origin {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private final String scheme;
    private final String host;
    private final int port;

    private Origin(String scheme, String host, int port) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
    }

    /** @return the origin of an absolute http or https URL with a host; empty for anything else */
    static Optional<Origin> of(URI uri) {
        if (uri == null || !uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort;
        if (scheme.equals("https")) {
            defaultPort = 443;
        } else if (scheme.equals("http")) {
            defaultPort = 80;
        } else {
            return Optional.empty();
        }
        int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
        return Optional.of(new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port));
    }

    boolean isHttps() {
        return scheme.equals("https");
    }

    /** Loopback by its literal name: {@code localhost}, {@code 127.x.y.z}, {@code [::1]}; never resolved. */
    boolean isLoopback() {
        return host.equals("localhost") || host.equals("[::1]") || IPV4_LOOPBACK.matcher(host).matches();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Origin)) {
            return false;
        }
        Origin that = (Origin) other;
        return scheme.equals(that.scheme) && host.equals(that.host) && port == that.port;
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, host, port);
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port;
    }
}
