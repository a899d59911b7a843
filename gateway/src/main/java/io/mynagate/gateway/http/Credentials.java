package io.mynagate.gateway.http;

import io.mynagate.gateway.rejection.Rejection;
import io.mynagate.gateway.rejection.TokenRejectedException;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;

/**
 * The access token of a request: exactly one {@code Authorization} header with the {@code
 * Bearer} (RFC 6750 section 2.1) or {@code DPoP} (RFC 9449 section 7.1) scheme. Tokens in query
 * strings or form bodies are not accepted.
 *
 * @param scheme {@code Bearer} or {@code DPoP}
 * @param token the token
 * @param proof the single {@code DPoP} header value, or {@code null}
 */
record Credentials(String scheme, String token, String proof) {
  static Credentials of(HttpServerRequest request) {
    List<String> authorization = request.headers().getAll("Authorization");
    if (authorization.isEmpty()) {
      throw new TokenRejectedException(Rejection.MISSING_TOKEN, "no Authorization header");
    }
    if (authorization.size() > 1) {
      throw new TokenRejectedException(Rejection.INVALID_REQUEST, "several Authorization headers");
    }
    String value = authorization.get(0).trim();
    int space = value.indexOf(' ');
    String scheme = space < 0 ? value : value.substring(0, space);
    String token = space < 0 ? "" : value.substring(space + 1).trim();
    String canonical;
    if ("bearer".equalsIgnoreCase(scheme)) {
      canonical = "Bearer";
    } else if ("dpop".equalsIgnoreCase(scheme)) {
      canonical = "DPoP";
    } else {
      throw new TokenRejectedException(Rejection.MISSING_TOKEN, "unsupported scheme");
    }
    if (!isToken68(token)) {
      throw new TokenRejectedException(Rejection.INVALID_REQUEST, "token is not token68");
    }
    List<String> proofs = request.headers().getAll("DPoP");
    if (proofs.size() > 1) {
      throw new TokenRejectedException(Rejection.INVALID_DPOP_PROOF, "several DPoP headers");
    }
    return new Credentials(canonical, token, proofs.isEmpty() ? null : proofs.get(0));
  }

  /** token68 characters other than {@code =}, indexed by ASCII code. */
  private static final boolean[] TOKEN68_CHARS = new boolean[128];

  static {
    for (char c = 'A'; c <= 'Z'; c++) {
      TOKEN68_CHARS[c] = true;
      TOKEN68_CHARS[Character.toLowerCase(c)] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      TOKEN68_CHARS[c] = true;
    }
    for (char c : "-._~+/".toCharArray()) {
      TOKEN68_CHARS[c] = true;
    }
  }

  /**
   * RFC 9110 section 11.2 {@code token68}: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+"
   * / "/" ) *"="}. A table lookup per character, not a regex or a chain of comparisons: it runs
   * on every request over a string of about a kilobyte (the chain took ~3 ns per character).
   */
  static boolean isToken68(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && isToken68Char(s.charAt(i))) {
      i++;
    }
    if (i == 0) {
      return false;
    }
    while (i < n && s.charAt(i) == '=') {
      i++;
    }
    return i == n;
  }

  private static boolean isToken68Char(char c) {
    return c < 128 && TOKEN68_CHARS[c];
  }

  /** Keeps the token out of logs. */
  @Override
  public String toString() {
    return "Credentials[scheme=" + scheme + "]";
  }
}
