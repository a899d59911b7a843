package io.mynagate.jpki.handoff;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.mynagate.jpki.Reason;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks on the compact form and the JOSE header, run on the raw JSON before Nimbus builds a
 * header object, so that {@code alg} is judged before anything else looks at the request.
 */
final class HeaderChecks {
    /** Headers that would let the request choose or carry its key, or change how it is processed. */
    private static final List<String> FORBIDDEN = List.of("jku", "x5u", "jwk", "x5c", "crit", "b64");

    private HeaderChecks() {}

    static void checkSize(String compactJws, int maxSize) throws HandoffRequestException {
        if (compactJws == null || compactJws.isEmpty()) {
            throw new HandoffRequestException(Reason.MALFORMED_REQUEST, "no request");
        }
        if (compactJws.length() > maxSize) {
            throw new HandoffRequestException(Reason.OVERSIZED_REQUEST, "request longer than " + maxSize + " characters");
        }
    }

    /** @return the three parts of the compact serialization (RFC 7515 section 7.1) */
    static String[] parts(String compactJws) throws HandoffRequestException {
        String[] parts = compactJws.split("\\.", -1);
        if (parts.length != 3) {
            throw new HandoffRequestException(Reason.MALFORMED_REQUEST, "not a compact JWS of three parts");
        }
        return parts;
    }

    static Map<String, Object> header(String[] parts) throws HandoffRequestException {
        try {
            return JSONObjectUtils.parse(new Base64URL(parts[0]).decodeToString());
        } catch (ParseException | RuntimeException e) {
            throw new HandoffRequestException(Reason.MALFORMED_REQUEST, "the header is not a JSON object");
        }
    }

    /** {@code none} in any spelling is an unsigned request; then the allowlist, exact and case-sensitive. */
    static JWSAlgorithm algorithm(Map<String, Object> header) throws HandoffRequestException {
        Object alg = header.get("alg");
        if (alg instanceof String && ((String) alg).toLowerCase(Locale.ROOT).equals("none")) {
            throw new HandoffRequestException(Reason.UNSIGNED_REQUEST, "alg none: the request is not signed");
        }
        if (!(alg instanceof String) || !HandoffRequest.ALGORITHMS.contains(alg)) {
            throw new HandoffRequestException(Reason.DISALLOWED_ALGORITHM,
                    "alg must be one of " + HandoffRequest.ALGORITHMS);
        }
        return JWSAlgorithm.parse((String) alg);
    }

    static void checkSigned(String[] parts) throws HandoffRequestException {
        if (parts[2].isEmpty()) {
            throw new HandoffRequestException(Reason.UNSIGNED_REQUEST, "the request has no signature");
        }
    }

    static void checkType(Map<String, Object> header) throws HandoffRequestException {
        Object typ = header.get("typ");
        String type = typ instanceof String ? ((String) typ).toLowerCase(Locale.ROOT) : null;
        // RFC 7515 section 4.1.9: "application/" may be left out and media types compare case-insensitively.
        if (!HandoffRequest.TYPE.equals(type) && !("application/" + HandoffRequest.TYPE).equals(type)) {
            throw new HandoffRequestException(Reason.WRONG_TYPE, "typ must be " + HandoffRequest.TYPE);
        }
    }

    static void checkNoForbiddenHeader(Map<String, Object> header) throws HandoffRequestException {
        for (String name : FORBIDDEN) {
            if (header.containsKey(name)) {
                throw new HandoffRequestException(Reason.DISALLOWED_HEADER, "header " + name + " is not allowed");
            }
        }
    }

    static String keyId(Map<String, Object> header) throws HandoffRequestException {
        Object kid = header.get("kid");
        if (!(kid instanceof String) || ((String) kid).isEmpty()) {
            throw new HandoffRequestException(Reason.MALFORMED_REQUEST, "kid missing: the key is chosen by it");
        }
        return (String) kid;
    }
}
