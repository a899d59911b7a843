package io.mynagate.bridge.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fields of the page's form ({@code application/x-www-form-urlencoded}, WHATWG URL section 5.1):
 * {@code csrf}, {@code claim} (one per checked box), {@code pin}, {@code confirm_last_try}, {@code lang}.
 * The PIN is decoded straight into a {@code char[]} (never a {@code String}, which cannot be wiped);
 * {@link #close()} wipes it. Other fields are short ASCII; unknown ones are ignored.
 */
final class SignForm implements AutoCloseable {
    /** Largest body read: a form of 32 claims and a PIN is far smaller. */
    static final int MAX_BODY = 4096;
    /** What a byte that cannot be in a PIN becomes: a character every PIN format refuses. */
    static final char NOT_A_PIN_CHARACTER = '\uFFFD';

    private final String csrf;
    private final List<String> claims;
    private final char[] pin;
    private final boolean lastTryConfirmed;
    private final String lang;
    private final boolean duplicateField;

    private SignForm(String csrf, List<String> claims, char[] pin, boolean lastTryConfirmed, String lang,
            boolean duplicateField) {
        this.csrf = csrf;
        this.claims = List.copyOf(claims);
        this.pin = pin;
        this.lastTryConfirmed = lastTryConfirmed;
        this.lang = lang;
        this.duplicateField = duplicateField;
    }

    /** Parses {@code body}; the caller wipes {@code body} afterwards. */
    static SignForm parse(byte[] body, int length) {
        String csrf = null;
        String lang = null;
        char[] pin = null;
        boolean confirmed = false;
        boolean duplicate = false;
        List<String> claims = new ArrayList<>();
        int start = 0;
        while (start <= length) {
            int end = indexOf(body, (byte) '&', start, length);
            int equals = indexOf(body, (byte) '=', start, end);
            String name = new String(decode(body, start, equals), StandardCharsets.US_ASCII);
            int valueStart = Math.min(equals + 1, end);
            switch (name) {
                case "pin" -> {
                    duplicate |= pin != null;
                    if (pin != null) {
                        Arrays.fill(pin, '\0');
                    }
                    pin = decodeSecret(body, valueStart, end);
                }
                case "csrf" -> {
                    duplicate |= csrf != null;
                    csrf = ascii(body, valueStart, end);
                }
                case "claim" -> claims.add(ascii(body, valueStart, end));
                case "confirm_last_try" -> confirmed = "yes".equals(ascii(body, valueStart, end));
                case "lang" -> lang = ascii(body, valueStart, end);
                default -> {
                    // Ignored: the bridge's own page sends nothing else.
                }
            }
            start = end + 1;
        }
        return new SignForm(csrf, claims, pin == null ? new char[0] : pin, confirmed, lang, duplicate);
    }

    /** @return the CSRF token as sent, or null */
    String csrf() {
        return csrf;
    }

    /** @return the checked claim names, in the order sent */
    List<String> claims() {
        return claims;
    }

    /** @return the PIN; empty when absent; wiped by {@link #close()} */
    char[] pin() {
        return pin;
    }

    /** @return whether the resident ticked "I understand one try is left" */
    boolean lastTryConfirmed() {
        return lastTryConfirmed;
    }

    /** @return the page's language, or null */
    String lang() {
        return lang;
    }

    /** @return whether {@code csrf} or {@code pin} came twice (the bridge's page never does that) */
    boolean hasDuplicateField() {
        return duplicateField;
    }

    @Override
    public void close() {
        Arrays.fill(pin, '\0');
    }

    /** No PIN, ever. */
    @Override
    public String toString() {
        return "SignForm[claims=" + claims + ", lastTryConfirmed=" + lastTryConfirmed + "]";
    }

    private static int indexOf(byte[] body, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    /** Visible ASCII of a non-secret field; anything else becomes '?', which no token or claim holds. */
    private static String ascii(byte[] body, int from, int to) {
        byte[] decoded = decode(body, from, to);
        char[] chars = new char[decoded.length];
        for (int i = 0; i < decoded.length; i++) {
            int b = decoded[i] & 0xFF;
            chars[i] = b > 0x20 && b < 0x7F ? (char) b : '?';
        }
        return new String(chars);
    }

    private static byte[] decode(byte[] body, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(0, to - from));
        for (int i = from; i < to; i += encodedLength(body, i, to)) {
            out.write(decodedByte(body, i, to));
        }
        return out.toByteArray();
    }

    /** The PIN, decoded into a fresh array without any intermediate copy that would outlive this call. */
    private static char[] decodeSecret(byte[] body, int from, int to) {
        char[] buffer = new char[Math.max(0, to - from)];
        int length = 0;
        for (int i = from; i < to; i += encodedLength(body, i, to)) {
            int b = decodedByte(body, i, to);
            buffer[length++] = b < 0x80 ? (char) b : NOT_A_PIN_CHARACTER;
        }
        char[] pin = Arrays.copyOf(buffer, length);
        Arrays.fill(buffer, '\0');
        return pin;
    }

    /** Whether {@code %XY} with two hex digits starts at {@code i}. */
    private static boolean isEscape(byte[] body, int i, int to) {
        return body[i] == '%' && hex(body, i + 1, to) >= 0 && hex(body, i + 2, to) >= 0;
    }

    private static int encodedLength(byte[] body, int i, int to) {
        return isEscape(body, i, to) ? 3 : 1;
    }

    /**
     * The byte at {@code i}: {@code +} is a space, {@code %XY} the byte XY; a {@code %} without two hex
     * digits stands for itself (WHATWG percent-decode).
     */
    private static int decodedByte(byte[] body, int i, int to) {
        if (body[i] == '+') {
            return ' ';
        }
        if (isEscape(body, i, to)) {
            return (hex(body, i + 1, to) << 4) | hex(body, i + 2, to);
        }
        return body[i] & 0xFF;
    }

    private static int hex(byte[] body, int i, int to) {
        if (i >= to) {
            return -1;
        }
        int c = body[i];
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
