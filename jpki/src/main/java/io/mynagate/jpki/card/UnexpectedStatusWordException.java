package io.mynagate.jpki.card;

import io.mynagate.jpki.Reason;

/** The card answered with a status word this client has no meaning for in that step. */
public final class UnexpectedStatusWordException extends JpkiCardException {
    private static final long serialVersionUID = 1L;

    private final int statusWord;

    /**
     * @param step the command that got it, e.g. "READ BINARY"
     * @param statusWord SW1SW2
     */
    public UnexpectedStatusWordException(String step, int statusWord) {
        super(Reason.UNEXPECTED_STATUS_WORD, String.format("%s: unexpected status word %04X", step, statusWord));
        this.statusWord = statusWord;
    }

    /** The status word SW1SW2, e.g. {@code 0x6A86}. */
    public int statusWord() {
        return statusWord;
    }
}
