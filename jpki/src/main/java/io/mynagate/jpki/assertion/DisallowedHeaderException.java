package io.mynagate.jpki.assertion;

import io.mynagate.jpki.Reason;

/** The header names a key source other than {@code x5c} ({@code jku}, {@code x5u}, {@code jwk}) or has {@code crit}; the key comes only from the one {@code x5c} certificate. */
public final class DisallowedHeaderException extends AssertionException {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, without assertion contents */
    public DisallowedHeaderException(String reason) {
        super(Reason.DISALLOWED_HEADER, reason);
    }
}
