package io.mynagate.jpki.card;

import io.mynagate.jpki.Reason;

/** The card has no JPKI application: SELECT of the JPKI AID was refused. */
public final class NotJpkiCardException extends JpkiCardException {
    private static final long serialVersionUID = 1L;

    private final int statusWord;

    /** @param statusWord the answer to SELECT */
    public NotJpkiCardException(int statusWord) {
        super(Reason.NOT_JPKI_CARD, String.format("not a JPKI card: SELECT of the JPKI application answered %04X", statusWord));
        this.statusWord = statusWord;
    }

    /** The status word that SELECT answered. */
    public int statusWord() {
        return statusWord;
    }
}
