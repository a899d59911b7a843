package io.mynagate.jpki.assertion;

import io.mynagate.jpki.Reason;

/** The assertion is not a compact JWS with JSON header and payload, or a claim has the wrong JSON type. */
public final class MalformedAssertionException extends AssertionException {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, without assertion contents */
    public MalformedAssertionException(String reason) {
        super(Reason.MALFORMED_ASSERTION, reason);
    }
}
