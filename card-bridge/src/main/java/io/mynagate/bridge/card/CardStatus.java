package io.mynagate.bridge.card;

import io.mynagate.jpki.card.PinKind;
import io.mynagate.jpki.card.TokenKind;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The JPKI card the bridge would use, as {@link CardService#status()} found it: which reader holds it,
 * what carries the JPKI application (from the token label in EF {@code 0006}) and the tries left of
 * both PINs, counted without spending any. Holds no certificate and no personal data.
 *
 * @param readerName the reader holding the card, not null
 * @param tokenKind what carries the JPKI application, not null
 * @param tokenLabel the token label as read (padding removed); empty when the card has none; not null
 * @param authenticationTriesLeft tries left of the authentication PIN (利用者証明用暗証番号), 0 when blocked
 * @param signatureTriesLeft tries left of the signature password (署名用パスワード), 0 when blocked;
 *     empty when the card has no signature certificate (a resident under 15)
 */
public record CardStatus(String readerName, TokenKind tokenKind, String tokenLabel, int authenticationTriesLeft,
        OptionalInt signatureTriesLeft) {
    /** Checks the fields. */
    public CardStatus {
        Objects.requireNonNull(readerName, "readerName");
        Objects.requireNonNull(tokenKind, "tokenKind");
        Objects.requireNonNull(tokenLabel, "tokenLabel");
        Objects.requireNonNull(signatureTriesLeft, "signatureTriesLeft");
        checkTries(authenticationTriesLeft, PinKind.AUTHENTICATION);
        signatureTriesLeft.ifPresent(tries -> checkTries(tries, PinKind.SIGNATURE));
    }

    private static void checkTries(int tries, PinKind kind) {
        if (tries < 0 || tries > kind.maxTries()) {
            throw new IllegalArgumentException("tries left of " + kind + " must be 0.." + kind.maxTries());
        }
    }
}
