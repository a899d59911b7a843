package io.mynagate.jpki.handoff;

import java.util.regex.Pattern;

/**
 * The format rules of the hand-off fields, shared by the builder (which refuses to make a request the
 * bridge would refuse) and the verifier. Each rule is one predicate.
 */
final class RequestFields {
    /** 43 base64url characters carry 258 bits: the least that holds the 256-bit nonce. */
    static final int MIN_NONCE_LENGTH = 43;
    static final int MAX_NONCE_LENGTH = 128;
    static final int MAX_JTI_LENGTH = 128;
    static final int MAX_CLIENT_ID_LENGTH = 255;
    /** In code points: a display name, not a description. */
    static final int MAX_CLIENT_NAME_LENGTH = 100;
    static final int MAX_CLAIMS = 32;

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    /** Visible ASCII: a jti goes into replay stores and logs, so no spaces or control characters. */
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7e]+");

    private RequestFields() {}

    /** The assertion nonce: base64url without padding (RFC 4648 section 5), at least 256 bits. */
    static boolean isNonce(String value) {
        return value != null && value.length() >= MIN_NONCE_LENGTH && value.length() <= MAX_NONCE_LENGTH
                && BASE64URL.matcher(value).matches();
    }

    static boolean isJti(String value) {
        return value != null && value.length() <= MAX_JTI_LENGTH && VISIBLE_ASCII.matcher(value).matches();
    }

    static boolean isClientId(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_CLIENT_ID_LENGTH
                && value.codePoints().noneMatch(Character::isISOControl);
    }

    /**
     * The relying party's display name, shown by the bridge as "who asks": printable text of at most
     * {@value #MAX_CLIENT_NAME_LENGTH} code points. Control and format characters are refused because
     * bidirectional overrides (U+202E) and invisible characters can make one name look like another.
     */
    static boolean isClientName(String value) {
        if (value == null || value.isBlank() || value.codePointCount(0, value.length()) > MAX_CLIENT_NAME_LENGTH) {
            return false;
        }
        return value.codePoints().allMatch(RequestFields::isDisplayable);
    }

    private static boolean isDisplayable(int codePoint) {
        int type = Character.getType(codePoint);
        return !Character.isISOControl(codePoint) && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE && type != Character.SURROGATE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }
}
