package io.mynagate.gateway.token;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import io.mynagate.gateway.rejection.Rejection;
import io.mynagate.gateway.rejection.TokenRejectedException;
import java.text.ParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Cheap checks on a compact JWS before any cryptography: size and shape, {@code alg} against an
 * allowlist (read from the raw header, so {@code none} and HMAC never reach a verifier), no key
 * material offered by the token itself (RFC 8725 section 3.10: {@code jwk}, {@code jku}, {@code
 * x5u}, {@code x5c}), no {@code crit} extensions (RFC 7515 section 4.1.11: none are understood),
 * and an expected {@code typ}. Immutable and thread-safe.
 */
public final class JwsHeaderPolicy {
  /** Larger tokens are refused before parsing. */
  public static final int MAX_TOKEN_LENGTH = 16 * 1024;
  private static final Set<String> EMBEDDED_KEY_HEADERS = Set.of("jwk", "jku", "x5u", "x5c");

  private final Set<String> algorithms;
  private final Set<String> types;
  private final boolean typeRequired;

  /**
   * @param algorithms allowed {@code alg} values
   * @param types allowed {@code typ} values, compared case-insensitively
   * @param typeRequired whether {@code typ} must be present
   */
  public JwsHeaderPolicy(Set<String> algorithms, Set<String> types, boolean typeRequired) {
    this.algorithms = Set.copyOf(algorithms);
    this.types = types.stream().map(t -> t.toLowerCase(Locale.ROOT))
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
    this.typeRequired = typeRequired;
  }

  /**
   * @param token a compact JWS
   * @return the token with its header parsed (signature not yet verified)
   * @throws TokenRejectedException if any header check fails
   */
  public CheckedJws check(String token) {
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new TokenRejectedException(Rejection.MALFORMED_TOKEN, "token too large");
    }
    int firstDot = token.indexOf('.');
    int secondDot = firstDot <= 0 ? -1 : token.indexOf('.', firstDot + 1);
    if (secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0) {
      throw new TokenRejectedException(Rejection.MALFORMED_TOKEN, "not a compact JWS");
    }
    String headerPart = token.substring(0, firstDot);
    Map<String, Object> header;
    try {
      // The JDK's decoder: table-driven and strict (Nimbus's is lenient and several times slower).
      header = StrictJson.parseObject(Base64.getUrlDecoder().decode(headerPart));
    } catch (ParseException | RuntimeException e) {
      throw new TokenRejectedException(Rejection.MALFORMED_TOKEN, "header is not JSON");
    }
    Object alg = header.get("alg");
    if (!(alg instanceof String) || !algorithms.contains(alg)) {
      throw new TokenRejectedException(Rejection.ALGORITHM_NOT_ALLOWED,
          "alg not allowed: " + (alg instanceof String ? sanitize((String) alg) : "missing"));
    }
    for (String name : EMBEDDED_KEY_HEADERS) {
      if (header.containsKey(name)) {
        throw new TokenRejectedException(Rejection.EMBEDDED_KEY,
            "token offers its own key in header " + name);
      }
    }
    if (header.containsKey("crit")) {
      throw new TokenRejectedException(Rejection.UNSUPPORTED_CRITICAL_HEADER,
          "crit header names extensions this gateway does not process");
    }
    Object typ = header.get("typ");
    if (typ == null ? typeRequired
        : !(typ instanceof String) || !types.contains(((String) typ).toLowerCase(Locale.ROOT))) {
      throw new TokenRejectedException(Rejection.WRONG_TOKEN_TYPE,
          "unexpected typ " + (typ instanceof String ? sanitize((String) typ) : "missing"));
    }
    try {
      // From the map already parsed: the header JSON is decoded once per token.
      return new CheckedJws(JWSHeader.parse(header, new Base64URL(headerPart)), token, firstDot,
          secondDot);
    } catch (ParseException e) {
      throw new TokenRejectedException(Rejection.MALFORMED_TOKEN, "not a JWS header");
    }
  }

  /** Header values are attacker-controlled: keep log lines short and printable. */
  static String sanitize(String value) {
    String s = value.length() > 32 ? value.substring(0, 32) : value;
    return s.replaceAll("[^A-Za-z0-9+/._:-]", "?");
  }
}
