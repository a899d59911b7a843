package io.mynagate.jpki.card;

import io.mynagate.jpki.Reason;

/** A file or a response of the card does not have the expected shape (not DER, truncated, a signature of the wrong length). */
public final class MalformedCardDataException extends JpkiCardException {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, without the data */
    public MalformedCardDataException(String reason) {
        super(Reason.MALFORMED_CARD_DATA, "malformed card data: " + reason);
    }

    /**
     * @param reason what is wrong, without the data
     * @param cause the parser failure
     */
    public MalformedCardDataException(String reason, Throwable cause) {
        super(Reason.MALFORMED_CARD_DATA, "malformed card data: " + reason, cause);
    }
}
