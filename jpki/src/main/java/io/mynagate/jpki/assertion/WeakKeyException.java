package io.mynagate.jpki.assertion;

import io.mynagate.jpki.Reason;

/** The certificate key is not an RSA key of at least 2048 bits. */
public final class WeakKeyException extends AssertionException {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, without assertion contents */
    public WeakKeyException(String reason) {
        super(Reason.WEAK_KEY, reason);
    }
}
