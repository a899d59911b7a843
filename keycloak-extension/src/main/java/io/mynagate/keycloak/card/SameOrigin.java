package io.mynagate.keycloak.card;

import java.net.URI;
import java.util.Locale;

/**
 * Whether a POST comes from a page of the realm's own origin (RFC 6454), as the return page's script
 * posts: browsers send {@code Origin} with every POST and, where they support Fetch Metadata,
 * {@code Sec-Fetch-Site}. Refusing other origins keeps a foreign site from posting into a resident's
 * login with the resident's cookie (the nonce would refuse its assertion, but the post would use up
 * the nonce of the login the resident is doing). Stateless.
 */
final class SameOrigin {
    private SameOrigin() {}

    /**
     * @param origin the {@code Origin} header; required ({@code null} and {@code "null"} are refused)
     * @param fetchSite the {@code Sec-Fetch-Site} header; when present it must be {@code same-origin}
     * @param realmBase the server's base URI as the browser sees it (the frontend URL)
     * @return whether the request is same-origin
     */
    static boolean accepts(String origin, String fetchSite, URI realmBase) {
        if (fetchSite != null && !fetchSite.strip().equalsIgnoreCase("same-origin")) {
            return false;
        }
        if (origin == null || origin.isBlank() || origin.strip().equals("null")) {
            return false;
        }
        URI posted;
        try {
            posted = URI.create(origin.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return serialize(posted).equals(serialize(realmBase));
    }

    private static String serialize(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        return scheme + "://" + host + ":" + port;
    }
}
