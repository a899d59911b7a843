package io.mynagate.jpki.assertion;

import io.mynagate.jpki.Reason;

/** The {@code iat} claim is missing or further from the verifier's clock than the allowed skew. */
public final class IssuedAtOutOfRangeException extends AssertionException {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, without assertion contents */
    public IssuedAtOutOfRangeException(String reason) {
        super(Reason.ISSUED_AT_OUT_OF_RANGE, reason);
    }
}
