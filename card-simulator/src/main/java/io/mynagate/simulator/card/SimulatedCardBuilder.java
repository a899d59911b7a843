package io.mynagate.simulator.card;

import io.mynagate.jpki.card.JpkiFiles;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link SimulatedCard}. The authentication certificate, its CA certificate, key and PIN
 * are required; without signature material the card is a resident-under-15 card that has no
 * signature certificate (its signature files answer {@code 6A82}). Not thread-safe; each
 * {@link #build()} returns an independent card.
 */
public final class SimulatedCardBuilder {
    private static final int AUTH_PIN_TRIES = 3;
    private static final int SIGN_PIN_TRIES = 5;
    private static final int CARD_INFO_PIN_TRIES = 3;

    private X509Certificate authCertificate;
    private X509Certificate authCaCertificate;
    private PrivateKey authKey;
    private String authPin;
    private int authPinTriesLeft = AUTH_PIN_TRIES;
    private X509Certificate signatureCertificate;
    private X509Certificate signatureCaCertificate;
    private PrivateKey signatureKey;
    private String signaturePassword;
    private int signaturePasswordTriesLeft = SIGN_PIN_TRIES;
    private TokenType tokenType = TokenType.CARD;
    private CardInfo cardInfo;

    SimulatedCardBuilder() {}

    /** User-authentication certificate (EF 000A), its issuer (EF 000B) and key (EF 0017). */
    public SimulatedCardBuilder authentication(X509Certificate certificate, X509Certificate caCertificate,
            PrivateKey key) {
        this.authCertificate = Objects.requireNonNull(certificate);
        this.authCaCertificate = Objects.requireNonNull(caCertificate);
        this.authKey = Objects.requireNonNull(key);
        return this;
    }

    /** The user-authentication PIN (EF 0018), 4 digits. */
    public SimulatedCardBuilder authPin(String pin) {
        if (pin == null || !pin.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("authentication PIN must be 4 digits");
        }
        this.authPin = pin;
        return this;
    }

    /** Tries left on the authentication PIN, 0-3; 0 builds a card with a blocked PIN. Default 3. */
    public SimulatedCardBuilder authPinTriesLeft(int tries) {
        this.authPinTriesLeft = checkTries(tries, AUTH_PIN_TRIES);
        return this;
    }

    /** Signature certificate (EF 0001), its issuer (EF 0002) and key (EF 001A). Optional. */
    public SimulatedCardBuilder signature(X509Certificate certificate, X509Certificate caCertificate,
            PrivateKey key) {
        this.signatureCertificate = Objects.requireNonNull(certificate);
        this.signatureCaCertificate = Objects.requireNonNull(caCertificate);
        this.signatureKey = Objects.requireNonNull(key);
        return this;
    }

    /** The signature password (EF 001B): 6-16 characters A-Z, 0-9. Required with a signature key. */
    public SimulatedCardBuilder signaturePassword(String password) {
        if (password == null || !password.matches("[A-Z0-9]{6,16}")) {
            throw new IllegalArgumentException("signature password must be 6-16 characters A-Z, 0-9");
        }
        this.signaturePassword = password;
        return this;
    }

    /** Tries left on the signature password, 0-5. Default 5. */
    public SimulatedCardBuilder signaturePasswordTriesLeft(int tries) {
        this.signaturePasswordTriesLeft = checkTries(tries, SIGN_PIN_TRIES);
        return this;
    }

    /** Card or smartphone token. Default {@link TokenType#CARD}. */
    public SimulatedCardBuilder tokenType(TokenType type) {
        this.tokenType = Objects.requireNonNull(type);
        return this;
    }

    /** Adds the card-info application. Optional; smartphone tokens have none. */
    public SimulatedCardBuilder cardInfo(CardInfo info) {
        this.cardInfo = Objects.requireNonNull(info);
        return this;
    }

    /**
     * @return the card
     * @throws IllegalStateException when the authentication material or a needed PIN is missing
     */
    public SimulatedCard build() {
        if (authCertificate == null || authPin == null) {
            throw new IllegalStateException("authentication certificate, key and PIN are required");
        }
        if (signatureCertificate != null && signaturePassword == null) {
            throw new IllegalStateException("a signature certificate needs a signature password");
        }
        List<CardApplication> applications = new ArrayList<>();
        applications.add(jpkiApplication());
        if (cardInfo != null) {
            applications.add(cardInfoApplication());
        }
        return new CardProcessor(SimulatedCard.JPKI_ATR, applications);
    }

    private CardApplication jpkiApplication() {
        CardApplication jpki = new CardApplication("JPKI", JpkiFiles.jpkiAid());
        int authCertPin = tokenType.authCertificateNeedsPin() ? JpkiFiles.AUTH_PIN : ElementaryFile.FREE;
        jpki.file(ElementaryFile.data(JpkiFiles.TOKEN_INFO, tokenInfo(), ElementaryFile.FREE))
                .file(ElementaryFile.data(JpkiFiles.AUTH_CERT, der(authCertificate), authCertPin))
                .file(ElementaryFile.data(JpkiFiles.AUTH_CA_CERT, der(authCaCertificate), ElementaryFile.FREE))
                .pin(JpkiFiles.AUTH_PIN, new PinFile(authPin, AUTH_PIN_TRIES, authPinTriesLeft))
                .key(JpkiFiles.AUTH_KEY, authKey, JpkiFiles.AUTH_PIN);
        if (signatureCertificate != null) {
            jpki.file(ElementaryFile.data(JpkiFiles.SIGN_CERT, der(signatureCertificate), JpkiFiles.SIGN_PIN))
                    .file(ElementaryFile.data(JpkiFiles.SIGN_CA_CERT, der(signatureCaCertificate),
                            ElementaryFile.FREE))
                    .pin(JpkiFiles.SIGN_PIN, new PinFile(signaturePassword, SIGN_PIN_TRIES,
                            signaturePasswordTriesLeft))
                    .key(JpkiFiles.SIGN_KEY, signatureKey, JpkiFiles.SIGN_PIN);
        }
        return jpki;
    }

    private CardApplication cardInfoApplication() {
        return new CardApplication("card-info", CardInfo.AID)
                .file(ElementaryFile.myNumberFile(CardInfo.MY_NUMBER_EF, cardInfo.myNumberFile(), CardInfo.PIN_EF))
                .file(ElementaryFile.data(CardInfo.ATTRIBUTES_EF, cardInfo.attributesFile(), CardInfo.PIN_EF))
                .pin(CardInfo.PIN_EF, new PinFile(cardInfo.pin(), CARD_INFO_PIN_TRIES, CARD_INFO_PIN_TRIES));
    }

    /** CK_TOKEN_INFO prefix: label (32), manufacturerID (32), model (16), serialNumber (16). */
    private byte[] tokenInfo() {
        byte[] info = new byte[96];
        Arrays.fill(info, (byte) ' ');
        put(info, 0, tokenType.label());
        put(info, 32, "JPKI-TEST");
        put(info, 64, "SIMULATOR");
        put(info, 80, "0000000000000000");
        return info;
    }

    private static void put(byte[] target, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    private static int checkTries(int tries, int max) {
        if (tries < 0 || tries > max) {
            throw new IllegalArgumentException("tries must be 0.." + max);
        }
        return tries;
    }
}
