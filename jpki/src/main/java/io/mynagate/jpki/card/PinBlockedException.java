package io.mynagate.jpki.card;

import io.mynagate.jpki.Reason;

/** The PIN is blocked (status {@code 63C0}, {@code 6983} or {@code 6984}); only a municipal office can reset it. */
public final class PinBlockedException extends JpkiCardException {
    private static final long serialVersionUID = 1L;

    private final PinKind pinKind;

    /** @param pinKind which PIN is blocked */
    public PinBlockedException(PinKind pinKind) {
        super(Reason.PIN_BLOCKED, pinKind + " PIN is blocked; it can be reset only at a municipal office");
        this.pinKind = pinKind;
    }

    /** Which PIN is blocked. */
    public PinKind pinKind() {
        return pinKind;
    }
}
