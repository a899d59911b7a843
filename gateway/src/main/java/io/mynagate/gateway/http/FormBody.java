package io.mynagate.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a small {@code application/x-www-form-urlencoded} request body, as the introspection
 * (RFC 7662) and back-channel logout endpoints receive, into single-valued parameters. Refused:
 * another content type, a body over the limit (before it is read, when {@code Content-Length}
 * says so), malformed percent-encoding, and a parameter sent twice (RFC 6749 section 3.2: request
 * parameters must not be included more than once).
 */
final class FormBody {
  /** Why a form was refused, with the HTTP status to answer. */
  static final class RefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    RefusedException(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  /** The endpoints' forms carry one token: 64 KiB is four times the largest token accepted. */
  static final int MAX_BYTES = 64 * 1024;
  private static final String FORM_TYPE = "application/x-www-form-urlencoded";

  private FormBody() {}

  /**
   * Reads the form (at most {@link #MAX_BYTES}) and hands it on; a refused form is answered here,
   * 400 or 413 with {@code invalid_request}.
   *
   * @param request a request whose body has not been read yet
   * @param handler what to do with the parameters
   */
  static void then(HttpServerRequest request, Consumer<Map<String, String>> handler) {
    read(request, MAX_BYTES)
        .onSuccess(handler::accept)
        .onFailure(e -> AuthFailures.send(request.response(),
            e instanceof RefusedException refused ? refused.status() : 400, "invalid_request"));
  }

  /**
   * @param request a request whose body has not been read yet
   * @param limit the largest body accepted, in bytes
   * @return the parameters; fails with {@link RefusedException}
   */
  static Future<Map<String, String>> read(HttpServerRequest request, int limit) {
    String type = request.getHeader("Content-Type");
    if (type == null || !type.regionMatches(true, 0, FORM_TYPE, 0, FORM_TYPE.length())) {
      return Future.failedFuture(new RefusedException(400, "not a form"));
    }
    long declared = declaredLength(request.getHeader("Content-Length"));
    if (declared > limit) {
      return Future.failedFuture(new RefusedException(413, "form too large"));
    }
    Promise<Map<String, String>> result = Promise.promise();
    Buffer body = Buffer.buffer(declared < 0 ? 256 : (int) declared);
    request.handler(chunk -> {
      if (body.length() + chunk.length() > limit) {
        // Chunked and too large: stop reading; the 413 ends the exchange.
        request.handler(null);
        result.tryFail(new RefusedException(413, "form too large"));
      } else {
        body.appendBuffer(chunk);
      }
    });
    request.exceptionHandler(result::tryFail);
    request.endHandler(v -> {
      try {
        result.tryComplete(parse(body.toString(StandardCharsets.US_ASCII)));
      } catch (RefusedException e) {
        result.tryFail(e);
      }
    });
    return result.future();
  }

  /** -1 when absent (chunked); Netty has already refused a Content-Length that is no number. */
  private static long declaredLength(String header) {
    if (header == null) {
      return -1;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  static Map<String, String> parse(String form) {
    Map<String, String> params = new HashMap<>();
    if (form.isEmpty()) {
      return params;
    }
    for (String pair : form.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (params.put(name, value) != null) {
        throw new RefusedException(400, "parameter sent twice");
      }
    }
    return params;
  }

  private static String decode(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s; // the usual case for a token: nothing to decode
    }
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new RefusedException(400, "malformed percent-encoding");
    }
  }
}
