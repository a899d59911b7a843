package io.mynagate.bridge.server;

import io.mynagate.bridge.card.CardService;
import io.mynagate.bridge.card.CardStatus;
import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.card.PinKind;
import io.mynagate.jpki.card.TokenKind;
import java.util.Locale;
import java.util.Objects;

/**
 * What the page can offer for a request, from the card's status read just before (VERIFY without data:
 * no try spent): the PIN field with the tries left, a blocked PIN, no signature certificate for
 * {@code share}, or no reader / no card / another card problem with what to do.
 *
 * @param kind which of these
 * @param pinKind the PIN the request's purpose needs
 * @param triesLeft tries left of that PIN ({@link Kind#READY} only; 0 otherwise)
 * @param token what carries the JPKI application ({@link Kind#READY} only; null otherwise)
 * @param problemCode the reason code of an {@link Kind#UNAVAILABLE} state, e.g. {@code no_card}; else null
 */
record CardState(Kind kind, PinKind pinKind, int triesLeft, TokenKind token, String problemCode) {
    /** Which state. */
    enum Kind {
        /** The card is there and the PIN has tries left: show the form. */
        READY,
        /** The PIN is blocked: explain the municipal office; no form. */
        BLOCKED,
        /** {@code share} on a card without signature certificate; no form. */
        NO_SIGNATURE_CERTIFICATE,
        /** No reader, no card, not a JPKI card, reader failure: what to do, and a retry. */
        UNAVAILABLE
    }

    CardState {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pinKind, "pinKind");
    }

    /** Reads the card's status for a request of {@code purpose}; never throws for a card problem. */
    static CardState read(CardService card, Purpose purpose) {
        PinKind pinKind = purpose == Purpose.SHARE ? PinKind.SIGNATURE : PinKind.AUTHENTICATION;
        CardStatus status;
        try {
            status = card.status();
        } catch (JpkiException e) {
            return unavailable(pinKind, e);
        }
        int tries;
        if (pinKind == PinKind.SIGNATURE) {
            if (status.signatureTriesLeft().isEmpty()) {
                return new CardState(Kind.NO_SIGNATURE_CERTIFICATE, pinKind, 0, null, null);
            }
            tries = status.signatureTriesLeft().getAsInt();
        } else {
            tries = status.authenticationTriesLeft();
        }
        if (tries == 0) {
            return new CardState(Kind.BLOCKED, pinKind, 0, null, null);
        }
        return new CardState(Kind.READY, pinKind, tries, status.tokenKind(), null);
    }

    static CardState unavailable(PinKind pinKind, JpkiException cause) {
        return new CardState(Kind.UNAVAILABLE, pinKind, 0, null, cause.reason().code());
    }

    /** @return the text key of an {@link Kind#UNAVAILABLE} state: its own sentence, or the generic one */
    String problemKey() {
        String key = "state." + problemCode;
        return Texts.has(key) ? key : "state.card_error";
    }

    /** @return the text key of the token kind */
    String tokenKey() {
        return "token." + (token == null ? "unknown" : token.name().toLowerCase(Locale.ROOT));
    }
}
