package io.mynagate.jpki.assertion;

/** The {@code purpose} claim is missing, unknown, or not the expected purpose. */
public final class PurposeMismatchException extends AssertionException {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, without assertion contents */
    public PurposeMismatchException(String reason) {
        super(reason);
    }
}
