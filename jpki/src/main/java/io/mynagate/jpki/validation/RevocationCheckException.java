package io.mynagate.jpki.validation;

import io.mynagate.jpki.Reason;

import io.mynagate.jpki.JpkiException;

/**
 * A {@link RevocationSource} could not give an authenticated, current answer: responder down or timed
 * out, malformed or unsigned response, nonce not echoed, stale CRL or response, no CRL for the issuer.
 * The validator turns this into {@link Reason#REVOCATION_UNAVAILABLE}.
 */
public final class RevocationCheckException extends JpkiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, without personal data
     */
    public RevocationCheckException(String message) {
        super(Reason.REVOCATION_UNAVAILABLE, message);
    }

    /**
     * @param message what went wrong, without personal data
     * @param cause the underlying failure
     */
    public RevocationCheckException(String message, Throwable cause) {
        super(Reason.REVOCATION_UNAVAILABLE, message, cause);
    }
}
