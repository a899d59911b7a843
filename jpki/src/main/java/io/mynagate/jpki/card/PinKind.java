package io.mynagate.jpki.card;


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

    /** The shortest PIN of this kind: 4 for {@link #AUTHENTICATION}, 6 for {@link #SIGNATURE}. */
    public int minLength() {
        return minLength;
    }

    /** The longest PIN of this kind: 4 for {@link #AUTHENTICATION}, 16 for {@link #SIGNATURE}. */
    public int maxLength() {
        return maxLength;
    }

    /**
     * Checks that {@code pin} can be a PIN of this kind, without a card: the authentication PIN is
     * exactly 4 digits {@code 0-9}; the signature password is 6 to 16 characters {@code A-Z} or
     * {@code 0-9} (upper case only: the card compares the bytes, so {@code abc123} is a different,
     * wrong password). The card bridge's page calls this before it touches the card, so that a typo
     * never spends a try; {@link JpkiCardClient} checks again before every VERIFY.
     *
     * @param pin the PIN; may be null (refused); not stored and not changed, the caller wipes it
     * @throws PinFormatException ({@link io.mynagate.jpki.Reason#PIN_FORMAT}) when it cannot be right;
     *     the message names the rule, never the PIN
     */
    public void checkFormat(char[] pin) throws PinFormatException {
        if (pin == null || pin.length < minLength || pin.length > maxLength) {
            throw new PinFormatException(this);
        }
        for (char c : pin) {
            if (!allowed(c)) {
                throw new PinFormatException(this);
            }
        }
    }

    private boolean allowed(char c) {
        return (c >= '0' && c <= '9') || (this == SIGNATURE && c >= 'A' && c <= 'Z');
    }

    /**
     * The PIN as the ASCII bytes VERIFY sends, after {@link #checkFormat(char[])}. The caller wipes
     * the result.
     *
     * @throws PinFormatException when the PIN cannot be right, so no try is spent on it
     */
    byte[] encode(char[] pin) throws PinFormatException {
        checkFormat(pin);
        byte[] bytes = new byte[pin.length];
        for (int i = 0; i < pin.length; i++) {
            bytes[i] = (byte) pin[i]; // ASCII: checkFormat allowed only 0-9 and A-Z
        }
        return bytes;
    }
}
