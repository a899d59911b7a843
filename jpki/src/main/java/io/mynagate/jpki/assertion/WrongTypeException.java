package io.mynagate.jpki.assertion;

import io.mynagate.jpki.Reason;

/** The {@code typ} header is not {@code jpki-assertion+jwt}, so the token may be meant for something else. */
public final class WrongTypeException extends AssertionException {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, without assertion contents */
    public WrongTypeException(String reason) {
        super(Reason.WRONG_TYPE, reason);
    }
}
