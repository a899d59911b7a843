package io.mynagate.jpki.card;

import io.mynagate.jpki.Reason;

import io.mynagate.jpki.JpkiException;

/**
 * Root of everything the card or the reader refuses. Subclasses say why; messages carry status
 * words and file ids, never a PIN or card data.
 */
public abstract class JpkiCardException extends JpkiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param reason why, from the one vocabulary
     * @param message what was refused, without secrets or personal data
     */
    protected JpkiCardException(Reason reason, String message) {
        super(reason, message);
    }

    /**
     * @param reason why, from the one vocabulary
     * @param message what was refused, without secrets or personal data
     * @param cause the underlying failure
     */
    protected JpkiCardException(Reason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
