package io.mynagate.simulator.pki;

import io.mynagate.simulator.card.TokenType;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What to issue for one resident. {@code toString()} is redacted: it carries PINs and personal data.
 *
 * @param name                 name (kanji allowed), goes into the signature certificate SAN
 * @param address              address, ditto; its prefecture and municipality become the two {@code L=}
 * @param birth                birth date
 * @param sex                  1 male, 2 female, 3 unknown
 * @param pin                  user-authentication PIN, 4 digits (also used as the card-info PIN)
 * @param signaturePassword    6-16 characters A-Z 0-9
 * @param signatureCertificate false for a resident under 15: no signature certificate
 * @param tokenType            card or smartphone token
 * @param authPinBlocked       true to issue a card whose authentication PIN is already blocked
 */
public record CardRequest(String name, String address, LocalDate birth, int sex, String pin,
        String signaturePassword, boolean signatureCertificate, TokenType tokenType, boolean authPinBlocked) {
    /** Default authentication PIN of issued cards. */
    public static final String DEFAULT_PIN = "1234";
    /** Default signature password of issued cards. */
    public static final String DEFAULT_SIGNATURE_PASSWORD = "ABC123";

    /** Validates the fields. */
    public CardRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(birth, "birth");
        Objects.requireNonNull(tokenType, "tokenType");
        if (sex < 1 || sex > 3) {
            throw new IllegalArgumentException("sex must be 1, 2 or 3");
        }
        if (pin == null || !pin.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("PIN must be 4 digits");
        }
        if (signaturePassword == null || !signaturePassword.matches("[A-Z0-9]{6,16}")) {
            throw new IllegalArgumentException("signature password must be 6-16 characters A-Z, 0-9");
        }
    }

    /** A card with default PINs, a signature certificate, not blocked. */
    public static CardRequest of(String name, String address, LocalDate birth, int sex) {
        return new CardRequest(name, address, birth, sex, DEFAULT_PIN, DEFAULT_SIGNATURE_PASSWORD, true,
                TokenType.CARD, false);
    }

    /** Same request without a signature certificate. */
    public CardRequest withoutSignatureCertificate() {
        return new CardRequest(name, address, birth, sex, pin, signaturePassword, false, tokenType, authPinBlocked);
    }

    /** Same request as another token type. */
    public CardRequest withTokenType(TokenType type) {
        return new CardRequest(name, address, birth, sex, pin, signaturePassword, signatureCertificate, type,
                authPinBlocked);
    }

    /** Same request with other PINs. */
    public CardRequest withPins(String newPin, String newSignaturePassword) {
        return new CardRequest(name, address, birth, sex, newPin, newSignaturePassword, signatureCertificate,
                tokenType, authPinBlocked);
    }

    /** Same request with the authentication PIN blocked from the start. */
    public CardRequest withAuthPinBlocked() {
        return new CardRequest(name, address, birth, sex, pin, signaturePassword, signatureCertificate, tokenType,
                true);
    }

    @Override
    public String toString() {
        return "CardRequest[redacted]";
    }
}
