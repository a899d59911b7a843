package io.mynagate.jpki.assertion;

import io.mynagate.jpki.Reason;

/** The {@code nonce} claim is missing or is not the expected one-time challenge. */
public final class NonceMismatchException extends AssertionException {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, without assertion contents */
    public NonceMismatchException(String reason) {
        super(Reason.NONCE_MISMATCH, reason);
    }
}
