package io.mynagate.jpki.assertion;

import io.mynagate.jpki.Reason;

/** The {@code purpose} claim is missing, unknown, or not the expected purpose. */
public final class PurposeMismatchException extends AssertionException {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, without assertion contents */
    public PurposeMismatchException(String reason) {
        super(Reason.PURPOSE_MISMATCH, reason);
    }
}
