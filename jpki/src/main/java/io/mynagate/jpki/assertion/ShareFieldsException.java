package io.mynagate.jpki.assertion;

import io.mynagate.jpki.Reason;

/** The share fields are wrong: a {@code share} assertion lacks a valid {@code client_id} or {@code approved_claims}, or an {@code auth} assertion carries them. */
public final class ShareFieldsException extends AssertionException {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, without assertion contents */
    public ShareFieldsException(String reason) {
        super(Reason.SHARE_FIELDS, reason);
    }
}
