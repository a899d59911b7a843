package io.mynagate.bridge.card;

import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.Reason;
import io.mynagate.jpki.card.PinKind;
import java.util.Objects;

/**
 * The PIN has one try left and the resident did not confirm that this try may be used
 * ({@link Reason#LAST_TRY_NOT_CONFIRMED}). Found with VERIFY without data before any PIN is sent, so no
 * try was spent: a wrong last PIN blocks the card until a municipal office resets it.
 */
public final class LastTryNotConfirmedException extends JpkiException {
    private static final long serialVersionUID = 1L;

    private final PinKind pinKind;

    /** @param pinKind the PIN that has one try left, not null */
    public LastTryNotConfirmedException(PinKind pinKind) {
        super(Reason.LAST_TRY_NOT_CONFIRMED, Objects.requireNonNull(pinKind, "pinKind")
                + " PIN has one try left and its use was not confirmed; no try was spent");
        this.pinKind = pinKind;
    }

    /** @return the PIN that has one try left; never null */
    public PinKind pinKind() {
        return pinKind;
    }
}
