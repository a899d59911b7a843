package io.mynagate.jpki.card;

import io.mynagate.jpki.Reason;

/** The card left the reader, or the channel or connection was closed, during an operation. */
public final class CardRemovedException extends JpkiCardException {
    private static final long serialVersionUID = 1L;

    /** @param cause what the reader layer reported */
    public CardRemovedException(Throwable cause) {
        super(Reason.CARD_REMOVED, "the card was removed or the connection closed", cause);
    }
}
