package io.mynagate.jpki.card;

import io.mynagate.jpki.Reason;

/** VERIFY was refused (status {@code 63Cx}, x &gt; 0): the PIN is wrong and {@link #triesLeft()} tries remain. */
public final class WrongPinException extends JpkiCardException {
    private static final long serialVersionUID = 1L;

    private final PinKind pinKind;
    private final int triesLeft;

    /**
     * @param pinKind which PIN was wrong
     * @param triesLeft tries remaining, at least 1
     */
    public WrongPinException(PinKind pinKind, int triesLeft) {
        super(Reason.WRONG_PIN, "wrong " + pinKind + " PIN, " + triesLeft + " tries left");
        this.pinKind = pinKind;
        this.triesLeft = triesLeft;
    }

    /** Which PIN was wrong. */
    public PinKind pinKind() {
        return pinKind;
    }

    /** Tries remaining before the PIN blocks. */
    public int triesLeft() {
        return triesLeft;
    }
}
