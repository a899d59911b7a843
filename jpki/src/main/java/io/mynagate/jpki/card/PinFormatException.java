package io.mynagate.jpki.card;

import io.mynagate.jpki.Reason;

/** A PIN was refused before it reached the card because it cannot be right (authentication PIN: 4 digits; signature password: 6-16 of A-Z and 0-9). No try is spent. */
public final class PinFormatException extends JpkiCardException {
    private static final long serialVersionUID = 1L;

    private final PinKind pinKind;

    /** @param pinKind which PIN has the wrong format */
    public PinFormatException(PinKind pinKind) {
        super(Reason.PIN_FORMAT, pinKind == PinKind.AUTHENTICATION
                ? "the authentication PIN must be 4 digits"
                : "the signature password must be 6 to 16 characters A-Z or 0-9");
        this.pinKind = pinKind;
    }

    /** Which PIN has the wrong format. */
    public PinKind pinKind() {
        return pinKind;
    }
}
