package io.mynagate.jpki.card;

import io.mynagate.jpki.Reason;

/** The card requires a VERIFY first (status {@code 6982}); smartphone tokens answer this when the authentication certificate is read without the PIN. */
public final class SecurityStatusNotSatisfiedException extends JpkiCardException {
    private static final long serialVersionUID = 1L;

    /** @param step the refused command */
    public SecurityStatusNotSatisfiedException(String step) {
        super(Reason.SECURITY_STATUS_NOT_SATISFIED, step + ": security status not satisfied (verify the PIN first)");
    }
}
