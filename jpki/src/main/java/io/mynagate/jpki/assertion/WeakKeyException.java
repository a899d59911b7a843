package io.mynagate.jpki.assertion;

/** The certificate key is not an RSA key of at least 2048 bits. */
public final class WeakKeyException extends AssertionException {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, without assertion contents */
    public WeakKeyException(String reason) {
        super(reason);
    }
}
