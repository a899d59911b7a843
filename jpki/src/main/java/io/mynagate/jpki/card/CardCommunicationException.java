package io.mynagate.jpki.card;

import io.mynagate.jpki.Reason;

/** The reader layer failed to transmit a command for a reason other than card removal. */
public final class CardCommunicationException extends JpkiCardException {
    private static final long serialVersionUID = 1L;

    /** @param cause what the reader layer reported */
    public CardCommunicationException(Throwable cause) {
        super(Reason.CARD_COMMUNICATION, "card communication failed", cause);
    }
}
