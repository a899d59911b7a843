package io.mynagate.jpki.handoff;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jwt.JWTClaimsSet;
import io.mynagate.jpki.Reason;
import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.claims.ClaimName;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the payload's claims with their types; each failure is {@link Reason#MALFORMED_REQUEST} unless said. */
final class RequestClaims {
    private RequestClaims() {}

    static JWTClaimsSet parse(JWSObject jws) throws HandoffRequestException {
        try {
            Map<String, Object> json = jws.getPayload().toJSONObject();
            if (json == null) {
                throw malformed("the payload is not a JSON object");
            }
            return JWTClaimsSet.parse(json);
        } catch (ParseException | RuntimeException e) {
            throw malformed("the payload is not a claims set");
        }
    }

    static String issuer(JWTClaimsSet claims) throws HandoffRequestException {
        return requiredString(claims, "iss");
    }

    static Instant instant(JWTClaimsSet claims, String name) throws HandoffRequestException {
        Date date;
        try {
            date = claims.getDateClaim(name);
        } catch (ParseException e) {
            throw malformed(name + " is not a NumericDate");
        }
        if (date == null) {
            throw malformed(name + " missing");
        }
        return date.toInstant();
    }

    static String jti(JWTClaimsSet claims) throws HandoffRequestException {
        String jti = requiredString(claims, "jti");
        if (!RequestFields.isJti(jti)) {
            throw malformed("jti must be visible ASCII of at most " + RequestFields.MAX_JTI_LENGTH + " characters");
        }
        return jti;
    }

    static String nonce(JWTClaimsSet claims) throws HandoffRequestException {
        String nonce = requiredString(claims, HandoffRequest.CLAIM_NONCE);
        if (!RequestFields.isNonce(nonce)) {
            throw malformed("nonce must be base64url of at least 256 bits");
        }
        return nonce;
    }

    static Purpose purpose(JWTClaimsSet claims) throws HandoffRequestException {
        return Purpose.ofValue(requiredString(claims, HandoffRequest.CLAIM_PURPOSE))
                .orElseThrow(() -> malformed("purpose must be auth or share"));
    }

    /** The return URI parsed; its origin is the verifier's check. A fragment is refused: the assertion goes there. */
    static URI returnUri(JWTClaimsSet claims) throws HandoffRequestException {
        URI uri;
        try {
            uri = new URI(requiredString(claims, HandoffRequest.CLAIM_RETURN_URI));
        } catch (URISyntaxException e) {
            throw malformed("return_uri is not a URI");
        }
        if (uri.getRawFragment() != null) {
            throw malformed("return_uri has a fragment");
        }
        return uri;
    }

    static String clientId(JWTClaimsSet claims) throws HandoffRequestException {
        String clientId = requiredString(claims, HandoffRequest.CLAIM_CLIENT_ID);
        if (!RequestFields.isClientId(clientId)) {
            throw malformed("client_id must be 1 to " + RequestFields.MAX_CLIENT_ID_LENGTH + " characters");
        }
        return clientId;
    }

    static String clientName(JWTClaimsSet claims) throws HandoffRequestException {
        String clientName = requiredString(claims, HandoffRequest.CLAIM_CLIENT_NAME);
        if (!RequestFields.isClientName(clientName)) {
            throw malformed("client_name must be printable text of at most "
                    + RequestFields.MAX_CLIENT_NAME_LENGTH + " characters");
        }
        return clientName;
    }

    /**
     * The requested claims: a JSON array of distinct names of the vocabulary ({@link Reason#UNKNOWN_CLAIM}
     * otherwise), 1 to 32 of them for {@code share}; absent or empty for {@code auth}.
     */
    static List<ClaimName> requested(JWTClaimsSet claims, Purpose purpose) throws HandoffRequestException {
        Object value = claims.getClaim(HandoffRequest.CLAIM_CLAIMS);
        List<?> names = value == null ? List.of() : value instanceof List ? (List<?>) value : null;
        if (names == null) {
            throw malformed("claims is not an array");
        }
        List<ClaimName> requested = new ArrayList<>(names.size());
        for (Object name : names) {
            if (!(name instanceof String)) {
                throw malformed("claims must be an array of strings");
            }
            requested.add(ClaimName.parse((String) name).orElseThrow(() -> new HandoffRequestException(
                    Reason.UNKNOWN_CLAIM, "claims has a name outside the claim vocabulary")));
        }
        Set<ClaimName> distinct = new HashSet<>(requested);
        if (distinct.size() != requested.size()) {
            throw malformed("claims has a name twice");
        }
        if (purpose == Purpose.AUTH && !requested.isEmpty()) {
            throw malformed("an auth request carries claims");
        }
        if (purpose == Purpose.SHARE && (requested.isEmpty() || requested.size() > RequestFields.MAX_CLAIMS)) {
            throw malformed("a share request needs 1 to " + RequestFields.MAX_CLAIMS + " claims");
        }
        return requested;
    }

    private static String requiredString(JWTClaimsSet claims, String name) throws HandoffRequestException {
        Object value = claims.getClaim(name);
        if (!(value instanceof String) || ((String) value).isEmpty()) {
            throw malformed(name + " missing or not a string");
        }
        return (String) value;
    }

    private static HandoffRequestException malformed(String message) {
        return new HandoffRequestException(Reason.MALFORMED_REQUEST, message);
    }
}
