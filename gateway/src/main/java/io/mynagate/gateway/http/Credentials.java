package io.mynagate.gateway.http;

import io.mynagate.gateway.token.Rejection;
import io.mynagate.gateway.token.TokenRejectedException;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.regex.Pattern;

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
  private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

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
    if (!TOKEN68.matcher(token).matches()) {
      throw new TokenRejectedException(Rejection.INVALID_REQUEST, "token is not token68");
    }
    List<String> proofs = request.headers().getAll("DPoP");
    if (proofs.size() > 1) {
      throw new TokenRejectedException(Rejection.INVALID_DPOP_PROOF, "several DPoP headers");
    }
    return new Credentials(canonical, token, proofs.isEmpty() ? null : proofs.get(0));
  }

  /** Keeps the token out of logs. */
  @Override
  public String toString() {
    return "Credentials[scheme=" + scheme + "]";
  }
}
