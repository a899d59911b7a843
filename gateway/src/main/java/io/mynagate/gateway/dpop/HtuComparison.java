package io.mynagate.gateway.dpop;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * {@code htu} comparison per RFC 9449 section 4.3 item 9: query and fragment ignored, scheme and
 * host case-insensitive, default ports equal to no port (RFC 3986 section 6.2.2 and 6.2.3).
 */
final class HtuComparison {
  private HtuComparison() {}

  static boolean matches(String claimed, String actual) {
    String a = normalize(claimed);
    return a != null && a.equals(normalize(actual));
  }

  private static String normalize(String uri) {
    try {
      URI u = new URI(uri);
      if (u.getScheme() == null || u.getRawAuthority() == null || u.getHost() == null) {
        return null;
      }
      String scheme = u.getScheme().toLowerCase(Locale.ROOT);
      int port = u.getPort();
      if ("https".equals(scheme) && port == 443 || "http".equals(scheme) && port == 80) {
        port = -1;
      }
      String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
      return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT)
          + (port == -1 ? "" : ":" + port) + path;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
