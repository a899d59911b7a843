package io.mynagate.keycloak.card;

import io.mynagate.jpki.Reason;
import java.util.Objects;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Errors;
import org.keycloak.services.messages.Messages;

/**
 * How a card login step failed, in the three forms Keycloak needs: the event error (what an operator
 * filters events by), the flow error (what Keycloak's flow does next) and the message key (what the
 * resident reads, in {@code theme-resources/messages}); plus the code that goes into the event detail
 * {@value CardAuthenticator#FAILURE_DETAIL}. {@link #of(Reason)} is the one place where a {@code jpki}
 * reason becomes these; {@link CardAuthenticator} turns a failure into an event, a flow result and a
 * page in one method. Immutable.
 *
 * @param eventError the event's error, e.g. {@code myna_revoked}
 * @param flowError the flow's outcome
 * @param messageKey the page's message
 * @param code the event detail: a {@link Reason#code()} or one of this class's own codes
 * @param retry whether the resident may try again: the card page with a fresh hand-off and the message;
 *     otherwise an error page (the administrator's to fix)
 */
record CardLoginFailure(String eventError, AuthenticationFlowError flowError, String messageKey, String code,
        boolean retry) {
    /** Prefix of every event error of a {@code jpki} reason: {@code myna_<reason code>}. */
    static final String EVENT_ERROR_PREFIX = "myna_";

    /** The execution has no config, or its settings or the realm's secret are wrong: the administrator's to fix. */
    static final CardLoginFailure NOT_CONFIGURED = new CardLoginFailure(Errors.INVALID_CONFIG,
            AuthenticationFlowError.INTERNAL_ERROR, "mynaCardNotConfigured", "not_configured", false);
    /** The realm has no active RS256 key to sign the hand-off request with. */
    static final CardLoginFailure NO_SIGNING_KEY = new CardLoginFailure(Errors.INVALID_CONFIG,
            AuthenticationFlowError.INTERNAL_ERROR, "mynaCardNotConfigured", "no_signing_key", false);
    /** The card verified, no user has its certificate id, and the step does not create users. */
    static final CardLoginFailure UNKNOWN_CARD = new CardLoginFailure(EVENT_ERROR_PREFIX + "unknown_card",
            AuthenticationFlowError.UNKNOWN_USER, "mynaCardUnknownCard", "unknown_card", true);
    /** The card verified and its user exists, but is disabled. */
    static final CardLoginFailure USER_DISABLED = new CardLoginFailure(Errors.USER_DISABLED,
            AuthenticationFlowError.USER_DISABLED, Messages.ACCOUNT_DISABLED, "user_disabled", false);
    /** More than one user holds the certificate id: the data is wrong, and guessing would log in the wrong one. */
    static final CardLoginFailure DUPLICATE_USERS = new CardLoginFailure(EVENT_ERROR_PREFIX + "duplicate_users",
            AuthenticationFlowError.USER_CONFLICT, "mynaCardNotConfigured", "duplicate_users", false);

    CardLoginFailure {
        Objects.requireNonNull(eventError, "eventError");
        Objects.requireNonNull(flowError, "flowError");
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(code, "code");
    }

    /**
     * The failure of a {@code jpki} rejection: event error {@code myna_<reason code>}; the message by
     * what the resident can do about it. A reason added to {@code jpki} later falls into the group of
     * its {@link Reason#kind()}: "try again later" when a dependency did not answer, "the card's answer
     * was not accepted" otherwise.
     *
     * @param reason why {@code jpki} refused, not {@link Reason#VALID}
     * @return the failure
     */
    static CardLoginFailure of(Reason reason) {
        if (reason == Reason.VALID) {
            throw new IllegalArgumentException("VALID is not a failure");
        }
        boolean unavailable = reason.kind() == Reason.Kind.UNAVAILABLE;
        String messageKey = switch (reason) {
            // The challenge of this page is not the one the card signed: the page was shown again (reload,
            // second tab) or the answer was already used once.
            case NONCE_MISMATCH -> "mynaCardRequestOutdated";
            case REVOKED -> "mynaCardCertificateRevoked";
            case EXPIRED, NOT_YET_VALID -> "mynaCardCertificateExpired";
            case NO_TRUSTED_PATH, TEST_ROOT_REFUSED, INVALID_PATH, REVOCATION_UNKNOWN -> "mynaCardCertificateNotAccepted";
            case CERTIFICATE_KIND_MISMATCH -> "mynaCardWrongCertificate";
            default -> unavailable ? "mynaCardServiceUnavailable" : "mynaCardAnswerRejected";
        };
        AuthenticationFlowError flowError = unavailable
                ? AuthenticationFlowError.INTERNAL_ERROR
                : AuthenticationFlowError.INVALID_CREDENTIALS;
        return new CardLoginFailure(EVENT_ERROR_PREFIX + reason.code(), flowError, messageKey, reason.code(), true);
    }
}
