package io.mynagate.jpki.assertion;

import io.mynagate.jpki.Reason;

/** The {@code aud} claim is not exactly this verifier's audience (the realm issuer). */
public final class AudienceMismatchException extends AssertionException {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, without assertion contents */
    public AudienceMismatchException(String reason) {
        super(Reason.AUDIENCE_MISMATCH, reason);
    }
}
