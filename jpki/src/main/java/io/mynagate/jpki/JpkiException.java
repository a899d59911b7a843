package io.mynagate.jpki;

import java.util.Objects;

/**
 * Root of every rejection the {@code jpki} library reports: a card that refuses, a certificate that
 * does not validate, an assertion or a hand-off request that does not verify. Each cause has its own
 * subclass, and every one carries a {@link Reason} from the one vocabulary, so callers (the Keycloak
 * authenticator, the bridge, the CLI) map outcomes by {@link #reason()}, never by message text.
 *
 * <p>{@link Reason#kind()} keeps refused input ({@link Reason.Kind#REJECTED}) apart from a dependency
 * that did not answer ({@link Reason.Kind#UNAVAILABLE}). Misconfiguration is reported with unchecked
 * exceptions ({@link IllegalArgumentException}, {@link IllegalStateException}), not with this type.
 *
 * <p>Messages never contain a PIN, personal data or a whole certificate.
 */
public abstract class JpkiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Reason reason;

    protected JpkiException(Reason reason, String message) {
        super(message);
        this.reason = checked(reason);
    }

    protected JpkiException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = checked(reason);
    }

    private static Reason checked(Reason reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason == Reason.VALID) {
            throw new IllegalArgumentException("an exception needs a rejection reason");
        }
        return reason;
    }

    /** @return why, from the one vocabulary; never {@code null}, never {@link Reason#VALID} */
    public final Reason reason() {
        return reason;
    }
}
