package io.mynagate.jpki;

/**
 * Root of every rejection the {@code jpki} library reports: a card that refuses, a certificate that
 * does not validate, an assertion that does not verify. Each cause has its own subclass so callers
 * (the Keycloak authenticator, the bridge, the CLI) map outcomes by type, never by message text.
 *
 * <p>Misconfiguration is reported with unchecked exceptions ({@link IllegalArgumentException},
 * {@link IllegalStateException}), not with this type.
 *
 * <p>Messages never contain a PIN, personal data or a whole certificate.
 */
public abstract class JpkiException extends Exception {
    private static final long serialVersionUID = 1L;

    protected JpkiException(String message) {
        super(message);
    }

    protected JpkiException(String message, Throwable cause) {
        super(message, cause);
    }
}
