package io.mynagate.gateway.http;

import com.nimbusds.jwt.JWTClaimsSet;
import io.mynagate.gateway.token.VerifiedToken;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON body of an RFC 7662 introspection answer, written directly: {@code {"active":false}},
 * or {@code active} with the token's listed claims (section 2.2; dates as NumericDate). Writing
 * it through Vert.x's {@code JsonObject} took about a quarter of the endpoint's CPU time in the
 * benchmark's profile. Values are the claim types Nimbus produces: strings, numbers, booleans,
 * dates, lists and maps of those.
 */
final class IntrospectionAnswer {
  private static final byte[] INACTIVE = "{\"active\":false}".getBytes(StandardCharsets.US_ASCII);
  private static final String[] ANSWERED_CLAIMS = {"iss", "sub", "aud", "exp", "iat", "nbf",
      "jti", "acr", "scope", "sid", "azp", "client_id", "cnf"};

  private IntrospectionAnswer() {}

  /**
   * @return {@code {"active":false}}
   */
  static Buffer inactive() {
    return Buffer.buffer(INACTIVE);
  }

  /**
   * @param token a token that passed every check for the asking client
   * @return the active answer
   */
  static Buffer active(VerifiedToken token) {
    JWTClaimsSet claims = token.claims();
    StringBuilder out = new StringBuilder(512).append("{\"active\":true");
    for (String name : ANSWERED_CLAIMS) {
      Object value = claims.getClaim(name);
      if (value != null) {
        member(out, name, value);
      }
    }
    Object azp = claims.getClaim("azp");
    if (claims.getClaim("client_id") == null && azp != null) {
      member(out, "client_id", azp);
    }
    member(out, "token_type",
        token.confirmationThumbprint().isPresent() ? "DPoP" : "Bearer");
    return Buffer.buffer(out.append('}').toString(), "UTF-8");
  }

  private static void member(StringBuilder out, String name, Object value) {
    out.append(',');
    string(out, name);
    out.append(':');
    value(out, value);
  }

  static void value(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String) {
      string(out, (String) value);
    } else if (value instanceof Date) {
      out.append(((Date) value).getTime() / 1000);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof List) {
      out.append('[');
      for (Iterator<?> it = ((List<?>) value).iterator(); it.hasNext(); ) {
        value(out, it.next());
        if (it.hasNext()) {
          out.append(',');
        }
      }
      out.append(']');
    } else if (value instanceof Map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, String.valueOf(e.getKey()));
        out.append(':');
        value(out, e.getValue());
      }
      out.append('}');
    } else {
      string(out, value.toString());
    }
  }

  /** RFC 8259 section 7: quotation mark, reverse solidus and control characters escaped. */
  static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append("\\u00").append(Character.forDigit(c >> 4, 16))
            .append(Character.forDigit(c & 0xF, 16));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
