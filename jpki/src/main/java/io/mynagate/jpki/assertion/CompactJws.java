package io.mynagate.jpki.assertion;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The three parts of a compact JWS (RFC 7515 section 7.1), split once and decoded with the JDK's strict
 * base64url decoder (RFC 4648 section 5).
 *
 * <p>Why not Nimbus's {@code JWSObject.parse}: it decodes and JSON-parses the header a second time after
 * the {@code alg} check has already done so, and its base64 codec, written to run in constant time, took
 * about 40% of a login's CPU samples (a header carrying a 1-2 KB certificate, decoded twice). Nothing
 * here is secret, so constant time buys nothing. The strict decoder refuses characters outside the
 * base64url alphabet, which Nimbus's skips; a JWS has none (RFC 7515 section 2).
 */
final class CompactJws {
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final String serialized;
    private final int firstDot;
    private final int secondDot;

    private CompactJws(String serialized, int firstDot, int secondDot) {
        this.serialized = serialized;
        this.firstDot = firstDot;
        this.secondDot = secondDot;
    }

    /**
     * @param serialized header "." payload "." signature, not null
     * @return the parts
     * @throws MalformedAssertionException when there are not exactly three parts
     */
    static CompactJws split(String serialized) throws MalformedAssertionException {
        int firstDot = serialized.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : serialized.indexOf('.', firstDot + 1);
        if (secondDot < 0 || serialized.indexOf('.', secondDot + 1) >= 0) {
            throw new MalformedAssertionException("not a compact JWS of three parts");
        }
        return new CompactJws(serialized, firstDot, secondDot);
    }

    /** @return the header part as received (base64url) */
    String encodedHeader() {
        return serialized.substring(0, firstDot);
    }

    /**
     * @return the header's JSON text
     * @throws MalformedAssertionException when the part is not base64url
     */
    String headerJson() throws MalformedAssertionException {
        return new String(decode(encodedHeader(), "header"), StandardCharsets.UTF_8);
    }

    /**
     * @return the payload's JSON text
     * @throws MalformedAssertionException when the part is not base64url
     */
    String payloadJson() throws MalformedAssertionException {
        return new String(decode(serialized.substring(firstDot + 1, secondDot), "payload"), StandardCharsets.UTF_8);
    }

    /** @return the signed bytes, header "." payload exactly as received (RFC 7515 section 5.2 step 8) */
    byte[] signingInput() {
        return serialized.substring(0, secondDot).getBytes(StandardCharsets.UTF_8);
    }

    /** @return whether the signature part is empty */
    boolean hasNoSignature() {
        return secondDot + 1 == serialized.length();
    }

    /** @return the signature bytes, or {@code null} when the part is not base64url (then no signature verifies) */
    byte[] signatureOrNull() {
        try {
            return BASE64URL.decode(serialized.substring(secondDot + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] decode(String part, String name) throws MalformedAssertionException {
        try {
            return BASE64URL.decode(part);
        } catch (IllegalArgumentException e) {
            throw new MalformedAssertionException("the " + name + " is not base64url");
        }
    }
}
