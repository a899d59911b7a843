package io.mynagate.gateway.state;

import java.util.Optional;

/** The string form of deny entries, shared by the memory and Redis stores. */
final class DenyKeys {
  private DenyKeys() {}

  static String of(SharedState.Target target, String issuer, String value) {
    // The target letter and the issuer's length keep the encoding unambiguous whatever
    // characters the claims contain.
    return (target == SharedState.Target.SESSION ? "s" : "u") + issuer.length() + ":" + issuer
        + value;
  }

  static boolean isDenied(ExpiringSet denied, String issuer, Optional<String> sessionId,
      String subject) {
    if (denied.isEmpty()) {
      return false;
    }
    return sessionId.isPresent() && denied.contains(of(SharedState.Target.SESSION, issuer,
        sessionId.get()))
        || denied.contains(of(SharedState.Target.SUBJECT, issuer, subject));
  }
}
