package io.mynagate.keycloak.card;

import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The card login step. This version shows the card login page ({@value #TEMPLATE}) with the way to the
 * card bridge, after checking that the execution's configuration is complete and building its verifier.
 * It accepts nothing yet: {@link #action(AuthenticationFlowContext)} refuses every submission with the
 * event error {@code myna_card_handoff_not_implemented}, because the hand-off to the bridge (one-time
 * nonce, signed request, assertion post-back) comes in the next version. Nothing here pretends to
 * verify a card.
 *
 * <p>One instance per request (Keycloak's contract); the shared state is the factory's.
 */
final class CardAuthenticator implements Authenticator {
    /** The login page template, in {@code theme-resources/templates}. */
    static final String TEMPLATE = "myna-card-login.ftl";
    /** Attribute name under which the template finds {@link CardLoginPage}. */
    static final String PAGE_ATTRIBUTE = "mynaCard";
    /** Event detail naming the failure in our own words. */
    static final String FAILURE_DETAIL = "myna_card_failure";

    private static final Logger LOG = Logger.getLogger(CardAuthenticator.class);

    private final PreparedVerifiers verifiers;
    private final CertificateIdSecret secrets;

    CardAuthenticator(PreparedVerifiers verifiers, CertificateIdSecret secrets) {
        this.verifiers = Objects.requireNonNull(verifiers, "verifiers");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        prepare(context).ifPresent(prepared -> context.challenge(cardPage(context, prepared, null)));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        prepare(context).ifPresent(prepared -> fail(context, CardLoginFailure.HANDOFF_NOT_IMPLEMENTED,
                cardPage(context, prepared, CardLoginFailure.HANDOFF_NOT_IMPLEMENTED)));
    }

    private Optional<PreparedVerifiers.Prepared> prepare(AuthenticationFlowContext context) {
        AuthenticatorConfigModel model = context.getAuthenticatorConfig();
        RealmModel realm = context.getRealm();
        if (model == null || model.getConfig() == null) {
            LOG.errorf("realm %s: the card authenticator execution has no configuration", realm.getName());
            fail(context, CardLoginFailure.NOT_CONFIGURED, errorPage(context, CardLoginFailure.NOT_CONFIGURED));
            return Optional.empty();
        }
        try {
            return Optional.of(verifiers.get(model.getId(), realm.getName(), model.getConfig(),
                    secrets.storedSecret(context.getSession(), realm)));
        } catch (InvalidCardConfigException | CertificateIdSecret.CorruptSecretException e) {
            // The messages name the setting or attribute and the problem, never a value.
            LOG.errorf("realm %s, card authenticator config %s: %s", realm.getName(), model.getAlias(), e.getMessage());
            fail(context, CardLoginFailure.NOT_CONFIGURED, errorPage(context, CardLoginFailure.NOT_CONFIGURED));
            return Optional.empty();
        }
    }

    /** The one place where a failure becomes an event, a flow outcome and a page. */
    private static void fail(AuthenticationFlowContext context, CardLoginFailure failure, Response page) {
        context.getEvent().detail(FAILURE_DETAIL, failure.name().toLowerCase(Locale.ROOT))
                .error(failure.eventError());
        context.failureChallenge(failure.flowError(), page);
    }

    private static Response cardPage(AuthenticationFlowContext context, PreparedVerifiers.Prepared prepared,
            CardLoginFailure failure) {
        var form = context.form()
                .setAttribute(PAGE_ATTRIBUTE, new CardLoginPage(prepared.config().bridgeUrl().toString()));
        if (failure != null) {
            form.setError(failure.messageKey());
        }
        return form.createForm(TEMPLATE);
    }

    private static Response errorPage(AuthenticationFlowContext context, CardLoginFailure failure) {
        return context.form().setError(failure.messageKey())
                .createErrorPage(Response.Status.INTERNAL_SERVER_ERROR);
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
}
