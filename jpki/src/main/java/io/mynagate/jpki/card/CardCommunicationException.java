package io.mynagate.jpki.card;

import io.mynagate.jpki.Reason;

/** The reader layer or the PC/SC service failed, for a reason other than a missing or removed card. */
public final class CardCommunicationException extends JpkiCardException {
    private static final long serialVersionUID = 1L;

    /** @param cause what the reader layer reported */
    public CardCommunicationException(Throwable cause) {
        super(Reason.CARD_COMMUNICATION, "card communication failed", cause);
    }

    /**
     * @param step what failed, e.g. "listing the readers"; without card data
     * @param cause what the reader layer reported
     */
    public CardCommunicationException(String step, Throwable cause) {
        super(Reason.CARD_COMMUNICATION, "card communication failed: " + step, cause);
    }
}
