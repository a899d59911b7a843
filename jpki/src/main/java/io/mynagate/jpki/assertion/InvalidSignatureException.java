package io.mynagate.jpki.assertion;

import io.mynagate.jpki.Reason;

/** The signature does not verify with the certificate key. Always the same message: it never says why. */
public final class InvalidSignatureException extends AssertionException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public InvalidSignatureException() {
        super(Reason.INVALID_SIGNATURE, "invalid signature");
    }
}
