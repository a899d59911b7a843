package io.mynagate.jpki.card;

/**
 * Application identifiers and elementary file ids of the JPKI application (公的個人認証AP), as
 * documented in {@code docs/jpki.md} section 1. Shared by the card client and the card
 * simulator so both speak from one table.
 *
 * <p>The card-info application (券面事項入力補助AP) and its My Number file are deliberately absent:
 * nothing in this library may select them.
 */
public final class JpkiFiles {
    // Arrays are handed out as copies: a public static array could be changed by any caller,
    // and the client selects and signs with these bytes.
    private static final byte[] JPKI_AID = {
        (byte) 0xD3, (byte) 0x92, (byte) 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01
    };

    /** User-authentication certificate (利用者証明用電子証明書). Free on a card. */
    public static final int AUTH_CERT = 0x000A;
    /** Issuing CA certificate of the user-authentication certificate. */
    public static final int AUTH_CA_CERT = 0x000B;
    /** User-authentication private key. */
    public static final int AUTH_KEY = 0x0017;
    /** User-authentication PIN: 4 digits, 3 tries. */
    public static final int AUTH_PIN = 0x0018;

    /** Signature certificate (署名用電子証明書). Readable after VERIFY on {@link #SIGN_PIN}. */
    public static final int SIGN_CERT = 0x0001;
    /** Issuing CA certificate of the signature certificate. */
    public static final int SIGN_CA_CERT = 0x0002;
    /** Signature private key. */
    public static final int SIGN_KEY = 0x001A;
    /** Signature password: 6-16 characters A-Z and 0-9, 5 tries. */
    public static final int SIGN_PIN = 0x001B;

    /** Token info (PKCS#11 CK_TOKEN_INFO); the label is the first 32 bytes, space padded. */
    public static final int TOKEN_INFO = 0x0006;

    private static final byte[] SHA256_DIGEST_INFO_PREFIX = {
        0x30, 0x31, 0x30, 0x0D, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01,
        0x05, 0x00, 0x04, 0x20
    };

    private JpkiFiles() {}

    /** AID of the JPKI application, {@code D3 92 F0 00 26 01 00 00 00 01}; a fresh copy on every call. */
    public static byte[] jpkiAid() {
        return JPKI_AID.clone();
    }

    /**
     * DER prefix of a SHA-256 DigestInfo (RFC 8017 section 9.2 note 1); the 32-byte hash follows
     * (51 bytes in all). A fresh copy on every call.
     */
    public static byte[] sha256DigestInfoPrefix() {
        return SHA256_DIGEST_INFO_PREFIX.clone();
    }
}
