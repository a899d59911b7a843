package io.mynagate.jpki.assertion;

import io.mynagate.jpki.Reason;

import io.mynagate.jpki.JpkiException;

/**
 * Root of the rejections of a card assertion. Each check of {@link AssertionVerifier} has its own
 * subclass so callers map outcomes by type. Messages never contain the nonce, the certificate or
 * which byte of a signature was wrong.
 */
public abstract class AssertionException extends JpkiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param reason why, from the one vocabulary
     * @param message what was refused, without secrets or personal data
     */
    protected AssertionException(Reason reason, String message) {
        super(reason, message);
    }

    /**
     * @param reason why, from the one vocabulary
     * @param message what was refused, without secrets or personal data
     * @param cause the underlying failure
     */
    protected AssertionException(Reason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
