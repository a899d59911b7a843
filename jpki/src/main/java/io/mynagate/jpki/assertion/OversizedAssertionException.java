package io.mynagate.jpki.assertion;

/** The assertion is longer than the verifier accepts; refused before parsing. */
public final class OversizedAssertionException extends AssertionException {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, without assertion contents */
    public OversizedAssertionException(String reason) {
        super(reason);
    }
}
