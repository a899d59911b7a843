package io.mynagate.jpki.card;

import io.mynagate.jpki.JpkiException;

/**
 * Root of everything the card or the reader refuses. Subclasses say why; messages carry status
 * words and file ids, never a PIN or card data.
 */
public abstract class JpkiCardException extends JpkiException {
    private static final long serialVersionUID = 1L;

    /** @param message what was refused, without secrets or personal data */
    protected JpkiCardException(String message) {
        super(message);
    }

    /**
     * @param message what was refused, without secrets or personal data
     * @param cause the underlying failure
     */
    protected JpkiCardException(String message, Throwable cause) {
        super(message, cause);
    }
}
