package io.mynagate.jpki.card;

import io.mynagate.jpki.JpkiException;

/**
 * Root of everything the card or the reader refuses. Subclasses say why; messages carry status
 * words and file ids, never a PIN or card data.
 */
public abstract class JpkiCardException extends JpkiException {
    private static final long serialVersionUID = 1L;

    protected JpkiCardException(String message) {
        super(message);
    }

    protected JpkiCardException(String message, Throwable cause) {
        super(message, cause);
    }
}
