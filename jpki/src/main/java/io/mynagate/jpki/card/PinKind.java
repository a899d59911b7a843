package io.mynagate.jpki.card;

import java.util.Arrays;

/** The two PINs of the JPKI application and the key each one unlocks ({@code docs/jpki.md} section 1). */
public enum PinKind {
    /** User-authentication PIN (利用者証明用暗証番号): 4 digits, 3 tries; unlocks key {@code 0017}. */
    AUTHENTICATION(JpkiFiles.AUTH_PIN, JpkiFiles.AUTH_KEY, 3, 4, 4),
    /** Signature password (署名用パスワード): 6-16 characters A-Z, 0-9, 5 tries; unlocks key {@code 001A}. */
    SIGNATURE(JpkiFiles.SIGN_PIN, JpkiFiles.SIGN_KEY, 5, 6, 16);

    private final int pinFile;
    private final int keyFile;
    private final int maxTries;
    private final int minLength;
    private final int maxLength;

    PinKind(int pinFile, int keyFile, int maxTries, int minLength, int maxLength) {
        this.pinFile = pinFile;
        this.keyFile = keyFile;
        this.maxTries = maxTries;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /** Tries a fresh PIN of this kind has. */
    public int maxTries() {
        return maxTries;
    }

    int pinFile() {
        return pinFile;
    }

    int keyFile() {
        return keyFile;
    }

    /**
     * The PIN as the ASCII bytes VERIFY sends. The caller wipes the result.
     *
     * @throws PinFormatException when the PIN cannot be right, so no try is spent on it
     */
    byte[] encode(char[] pin) throws PinFormatException {
        if (pin == null || pin.length < minLength || pin.length > maxLength) {
            throw new PinFormatException(this);
        }
        byte[] bytes = new byte[pin.length];
        for (int i = 0; i < pin.length; i++) {
            char c = pin[i];
            boolean allowed = (c >= '0' && c <= '9') || (this == SIGNATURE && c >= 'A' && c <= 'Z');
            if (!allowed) {
                Arrays.fill(bytes, (byte) 0);
                throw new PinFormatException(this);
            }
            bytes[i] = (byte) c;
        }
        return bytes;
    }
}
