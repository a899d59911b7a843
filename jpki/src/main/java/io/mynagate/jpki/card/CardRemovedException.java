package io.mynagate.jpki.card;

/** The card left the reader, or the channel or connection was closed, during an operation. */
public final class CardRemovedException extends JpkiCardException {
    private static final long serialVersionUID = 1L;

    /** @param cause what the reader layer reported */
    public CardRemovedException(Throwable cause) {
        super("the card was removed or the connection closed", cause);
    }
}
