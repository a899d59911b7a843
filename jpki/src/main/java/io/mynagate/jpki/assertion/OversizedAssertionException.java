package io.mynagate.jpki.assertion;

import io.mynagate.jpki.Reason;

/** The assertion is longer than the verifier accepts; refused before parsing. */
public final class OversizedAssertionException extends AssertionException {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, without assertion contents */
    public OversizedAssertionException(String reason) {
        super(Reason.OVERSIZED_ASSERTION, reason);
    }
}
