package io.mynagate.jpki.assertion;

import java.util.Optional;

/** Why the card signed: to log in, or to release consented attributes (claim {@code purpose}). */
public enum Purpose {
    /** Login with the user-authentication key; JSON {@code "auth"}. */
    AUTH("auth"),
    /** Attribute release with the signature key; JSON {@code "share"}; carries the approved claims and client. */
    SHARE("share");

    private final String value;

    Purpose(String value) {
        this.value = value;
    }

    /** The JSON value. */
    public String value() {
        return value;
    }

    /** The purpose for a JSON value; empty for anything else (exact, case-sensitive). */
    public static Optional<Purpose> ofValue(String value) {
        for (Purpose purpose : values()) {
            if (purpose.value.equals(value)) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty();
    }
}
