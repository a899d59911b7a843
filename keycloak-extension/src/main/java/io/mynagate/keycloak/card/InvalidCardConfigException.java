package io.mynagate.keycloak.card;

/**
 * The card authenticator's admin settings are wrong: a misconfiguration, so unchecked. The message names
 * the setting and what is wrong with it, never its content (a PEM block, a URL with credentials).
 */
public final class InvalidCardConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String setting;

    InvalidCardConfigException(String setting, String problem) {
        super("card authenticator setting '" + setting + "': " + problem);
        this.setting = setting;
    }

    InvalidCardConfigException(String setting, String problem, Throwable cause) {
        super("card authenticator setting '" + setting + "': " + problem, cause);
        this.setting = setting;
    }

    /** @return the name of the setting at fault (one of the constants of {@link CardAuthenticatorConfig}) */
    public String setting() {
        return setting;
    }
}
