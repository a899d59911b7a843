package io.mynagate.keycloak.card;

import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Errors;

/**
 * Every way a card login step can fail, each with its event error (what an operator filters events by),
 * its flow error (what Keycloak's flow does next) and its message key (what the resident reads, in
 * {@code theme-resources/messages}). {@link CardAuthenticator} maps a failure to these in one place.
 */
enum CardLoginFailure {
    /** The execution has no config, or its settings are wrong: the administrator's to fix. */
    NOT_CONFIGURED(Errors.INVALID_CONFIG, AuthenticationFlowError.INTERNAL_ERROR, "mynaCardNotConfigured"),
    /**
     * A card assertion was posted, but this version has no hand-off yet (nonce, signed request,
     * assertion post-back), so nothing can be verified and nothing is accepted.
     */
    HANDOFF_NOT_IMPLEMENTED("myna_card_handoff_not_implemented", AuthenticationFlowError.ACCESS_DENIED,
            "mynaCardNotAvailableYet");

    private final String eventError;
    private final AuthenticationFlowError flowError;
    private final String messageKey;

    CardLoginFailure(String eventError, AuthenticationFlowError flowError, String messageKey) {
        this.eventError = eventError;
        this.flowError = flowError;
        this.messageKey = messageKey;
    }

    String eventError() {
        return eventError;
    }

    AuthenticationFlowError flowError() {
        return flowError;
    }

    String messageKey() {
        return messageKey;
    }
}
