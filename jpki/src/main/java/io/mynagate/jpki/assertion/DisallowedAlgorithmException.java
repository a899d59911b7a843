package io.mynagate.jpki.assertion;

import io.mynagate.jpki.Reason;

/** The {@code alg} header is not {@code RS256} (for example {@code none}, {@code HS256}, {@code PS256}); refused before any cryptography. */
public final class DisallowedAlgorithmException extends AssertionException {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, without assertion contents */
    public DisallowedAlgorithmException(String reason) {
        super(Reason.DISALLOWED_ALGORITHM, reason);
    }
}
