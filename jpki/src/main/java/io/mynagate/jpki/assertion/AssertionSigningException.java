package io.mynagate.jpki.assertion;

import io.mynagate.jpki.Reason;

/** Building an assertion failed: the signer's signature does not verify with the certificate (the wrong key, or a certificate of another card). */
public final class AssertionSigningException extends AssertionException {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, without assertion contents */
    public AssertionSigningException(String reason) {
        super(Reason.SIGNING_FAILED, reason);
    }
}
