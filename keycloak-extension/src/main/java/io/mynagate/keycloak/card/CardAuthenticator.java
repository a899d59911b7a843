package io.mynagate.keycloak.card;

import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.Reason;
import io.mynagate.jpki.handoff.HandoffRequestException;
import io.mynagate.jpki.login.LoginExpectations;
import io.mynagate.jpki.login.VerifiedLogin;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.urls.UrlType;

/**
 * The card login step ({@code purpose} {@code auth}).
 *
 * <ol>
 *   <li>Without an answer from the bridge: shows the card page ({@value #TEMPLATE}) whose link hands off
 *       to the bridge with a new one-time nonce in a request signed by the realm ({@link CardHandoff}).</li>
 *   <li>The bridge sends the browser to {@link CardReturnResource}, which stores the assertion as an
 *       authentication-session note and sends the browser back here: {@code authenticate()} runs again,
 *       takes the note and the nonce (both single use, whatever the outcome), and has {@code jpki}'s
 *       {@code LoginVerifier} check the assertion for this realm's issuer and this nonce.</li>
 *   <li>Verified: the user with that keyed certificate id ({@link CardUsers}), created on a first login
 *       when the setting allows; the configured {@code acr} as the level of authentication
 *       ({@link CardAcr}); the certificate id and the revocation evidence in the event; success.</li>
 * </ol>
 * Every failure becomes an event, a flow result and a page in {@link #fail}; {@link CardLoginFailure#of}
 * maps the {@code jpki} reason.
 *
 * <p>One instance per request (Keycloak's contract); the shared state is the factory's.
 */
final class CardAuthenticator implements Authenticator {
    /** The login page template, in {@code theme-resources/templates}. */
    static final String TEMPLATE = "myna-card-login.ftl";
    /** Attribute name under which the template finds {@link CardLoginPage}. */
    static final String PAGE_ATTRIBUTE = "mynaCard";
    /** Event detail naming the failure: the {@code jpki} reason code, or one of {@link CardLoginFailure}'s own. */
    static final String FAILURE_DETAIL = "myna_card_failure";

    private static final Logger LOG = Logger.getLogger(CardAuthenticator.class);

    private final PreparedVerifiers verifiers;
    private final CertificateIdSecret secrets;
    private final CardHandoff handoff;
    private final CardUsers users;

    CardAuthenticator(PreparedVerifiers verifiers, CertificateIdSecret secrets, CardHandoff handoff, CardUsers users) {
        this.verifiers = Objects.requireNonNull(verifiers, "verifiers");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.handoff = Objects.requireNonNull(handoff, "handoff");
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        prepare(context).ifPresent(prepared -> {
            String assertion = CardHandoff.takeAssertion(context.getAuthenticationSession());
            if (assertion == null) {
                showCardPage(context, prepared);
            } else {
                verify(context, prepared, assertion);
            }
        });
    }

    // The card page has no form of its own: the answer comes back through CardReturnResource. A post to
    // an old action URL is treated as a visit.
    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }

    private void verify(AuthenticationFlowContext context, PreparedVerifiers.Prepared prepared, String assertion) {
        String nonce = CardHandoff.takeNonce(context.getAuthenticationSession());
        if (nonce == null) {
            // The nonce was used in between (two answers at once): the later one is a replay.
            fail(context, prepared, CardLoginFailure.of(Reason.NONCE_MISMATCH), Map.of());
            return;
        }
        VerifiedLogin login;
        try {
            login = prepared.verifier().verify(assertion, LoginExpectations.auth(issuer(context), nonce));
        } catch (JpkiException refused) {
            fail(context, prepared, CardLoginFailure.of(refused.reason()),
                    CardEvents.of(refused, assertion, prepared.idKey()));
            return;
        }
        Map<String, String> details = CardEvents.of(login.certificateId(), login.revocationEvidence());
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        Optional<UserModel> found;
        try {
            found = users.find(session, realm, login.certificateId());
        } catch (CardUsers.DuplicateUsersException e) {
            LOG.errorf("realm %s: %s: %s", realm.getName(), e.getMessage(), login.certificateId());
            fail(context, prepared, CardLoginFailure.DUPLICATE_USERS, details);
            return;
        }
        if (found.isEmpty() && !prepared.config().createUserOnFirstLogin()) {
            fail(context, prepared, CardLoginFailure.UNKNOWN_CARD, details);
            return;
        }
        UserModel user = found.orElseGet(() -> users.create(session, realm, login.certificateId()));
        if (!user.isEnabled()) {
            context.getEvent().user(user);
            fail(context, prepared, CardLoginFailure.USER_DISABLED, details);
            return;
        }
        EventBuilder event = context.getEvent();
        details.forEach(event::detail);
        if (found.isEmpty()) {
            event.detail(CardEvents.USER_CREATED, "true");
        }
        context.setUser(user);
        CardAcr.record(session, context.getAuthenticationSession(), prepared.config().acrValue());
        context.success();
    }

    private Optional<PreparedVerifiers.Prepared> prepare(AuthenticationFlowContext context) {
        AuthenticatorConfigModel model = context.getAuthenticatorConfig();
        RealmModel realm = context.getRealm();
        if (model == null || model.getConfig() == null) {
            LOG.errorf("realm %s: the card authenticator execution has no configuration", realm.getName());
            fail(context, null, CardLoginFailure.NOT_CONFIGURED, Map.of());
            return Optional.empty();
        }
        try {
            return Optional.of(verifiers.get(model.getId(), realm.getName(), model.getConfig(),
                    secrets.storedSecret(context.getSession(), realm)));
        } catch (InvalidCardConfigException | CertificateIdSecret.CorruptSecretException e) {
            // The messages name the setting or attribute and the problem, never a value.
            LOG.errorf("realm %s, card authenticator config %s: %s", realm.getName(), model.getAlias(), e.getMessage());
            fail(context, null, CardLoginFailure.NOT_CONFIGURED, Map.of());
            return Optional.empty();
        }
    }

    private void showCardPage(AuthenticationFlowContext context, PreparedVerifiers.Prepared prepared) {
        try {
            context.challenge(cardPage(context, prepared, null));
        } catch (HandoffUnavailable e) {
            fail(context, null, e.failure, Map.of());
        }
    }

    /**
     * The one place where a failure becomes an event (error, reason code and {@code details}), a flow
     * outcome and a page: the card page with the message and a fresh hand-off when the resident may try
     * again, an error page otherwise.
     *
     * @param prepared the configuration, {@code null} when it is what failed
     */
    private void fail(AuthenticationFlowContext context, PreparedVerifiers.Prepared prepared, CardLoginFailure failure,
            Map<String, String> details) {
        EventBuilder event = context.getEvent().detail(FAILURE_DETAIL, failure.code());
        details.forEach(event::detail);
        event.error(failure.eventError());
        Response page;
        if (failure.retry() && prepared != null) {
            try {
                page = cardPage(context, prepared, failure.messageKey());
            } catch (HandoffUnavailable e) {
                // The event above keeps the first failure; the page says why no new hand-off could be made.
                page = errorPage(context, e.failure);
            }
        } else {
            page = errorPage(context, failure);
        }
        context.failureChallenge(failure.flowError(), page);
    }

    private Response cardPage(AuthenticationFlowContext context, PreparedVerifiers.Prepared prepared, String messageKey) {
        URI bridgeUrl = prepared.config().bridgeUrl();
        URI link = handoffLink(context, bridgeUrl);
        var form = context.form().setAttribute(PAGE_ATTRIBUTE, new CardLoginPage(bridgeUrl.toString(), link.toString()));
        if (messageKey != null) {
            form.setError(messageKey);
        }
        return form.createForm(TEMPLATE);
    }

    private URI handoffLink(AuthenticationFlowContext context, URI bridgeUrl) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String realm = context.getRealm().getName();
        try {
            return handoff.issue(context.getSession(), authSession, issuer(context), bridgeUrl);
        } catch (CardHandoff.NoSigningKeyException e) {
            LOG.errorf("realm %s: %s", realm, e.getMessage());
            throw new HandoffUnavailable(CardLoginFailure.NO_SIGNING_KEY);
        } catch (HandoffRequestException e) {
            LOG.errorf("realm %s: the hand-off request was not signed: %s", realm, e.getMessage());
            throw new HandoffUnavailable(CardLoginFailure.of(e.reason()));
        } catch (IllegalStateException e) {
            // jpki's builder refused a field (a client id it cannot carry): the client's to fix.
            LOG.errorf("realm %s, client %s: %s", realm, authSession.getClient().getClientId(), e.getMessage());
            throw new HandoffUnavailable(CardLoginFailure.NOT_CONFIGURED);
        }
    }

    private static Response errorPage(AuthenticationFlowContext context, CardLoginFailure failure) {
        Response.Status status = failure.flowError() == AuthenticationFlowError.INTERNAL_ERROR
                ? Response.Status.INTERNAL_SERVER_ERROR : Response.Status.BAD_REQUEST;
        return context.form().setError(failure.messageKey()).createErrorPage(status);
    }

    /** The realm's issuer URL as in its tokens: the audience the card assertion must name. */
    static String issuer(AuthenticationFlowContext context) {
        return Urls.realmIssuer(context.getSession().getContext().getUri(UrlType.FRONTEND).getBaseUri(),
                context.getRealm().getName());
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // The card needs no setup in Keycloak: the user is found by the certificate.
    }

    @Override
    public void close() {
        // Nothing per request.
    }

    /** No hand-off can be made for this page; carries the failure to report. */
    private static final class HandoffUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient CardLoginFailure failure;

        HandoffUnavailable(CardLoginFailure failure) {
            super(failure.code(), null, false, false);
            this.failure = failure;
        }
    }
}
