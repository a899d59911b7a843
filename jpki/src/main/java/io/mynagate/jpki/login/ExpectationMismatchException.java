package io.mynagate.jpki.login;

import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.Reason;

/**
 * A {@code share} assertion verified on its own but does not fit this login step: the {@code client_id}
 * is another client's ({@link Reason#CLIENT_ID_MISMATCH}), or a claim was approved that was not requested
 * ({@link Reason#CLAIM_NOT_REQUESTED}).
 */
public final class ExpectationMismatchException extends JpkiException {
    private static final long serialVersionUID = 1L;

    ExpectationMismatchException(Reason reason, String message) {
        super(reason, message);
    }
}
