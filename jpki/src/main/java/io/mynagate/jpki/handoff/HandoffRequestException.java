package io.mynagate.jpki.handoff;

import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.Reason;

/**
 * A hand-off request that was refused, could not be checked, or could not be signed; {@link #reason()}
 * says which check failed, from the hand-off section of {@link Reason} ({@link Reason#MALFORMED_REQUEST}
 * ... {@link Reason#KEY_SET_UNAVAILABLE}) or a shared one ({@link Reason#DISALLOWED_ALGORITHM},
 * {@link Reason#WRONG_TYPE}, {@link Reason#DISALLOWED_HEADER}, {@link Reason#INVALID_SIGNATURE},
 * {@link Reason#WEAK_KEY}, {@link Reason#SIGNING_FAILED}).
 *
 * <p>One class rather than one subclass per check: the reason is the one vocabulary callers switch
 * on, and a hand-off refusal is shown to the resident the same way whatever its reason. Messages name
 * the check, never the request's values (which an attacker chooses) and never which part of a
 * signature was wrong.
 */
public final class HandoffRequestException extends JpkiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param reason why, not null and not {@link Reason#VALID}
     * @param message what failed, without personal data or untrusted input
     */
    public HandoffRequestException(Reason reason, String message) {
        super(reason, message);
    }

    /**
     * @param reason why, not null and not {@link Reason#VALID}
     * @param message what failed, without personal data or untrusted input
     * @param cause the underlying failure (I/O, parse), may be null
     */
    public HandoffRequestException(Reason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
