package io.mynagate.keycloak.card;

import java.security.SecureRandom;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Registers the card authenticator ({@value #PROVIDER_ID}) and describes its admin settings, which
 * {@link CardAuthenticatorConfig} parses. Registered in
 * {@code META-INF/services/org.keycloak.authentication.AuthenticatorFactory}.
 *
 * <p>One instance per server; it owns the prepared verifiers shared by all requests.
 */
public final class CardAuthenticatorFactory implements AuthenticatorFactory {
    /** The provider id, as used in flows and in the admin REST API. */
    public static final String PROVIDER_ID = "myna-card-authenticator";

    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};

    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(CardAuthenticatorConfig.TRUST_ANCHORS).type(ProviderConfigProperty.TEXT_TYPE)
                .label("Trust anchors (PEM)").required(true)
                .helpText("The JPKI root certificates that card certificates must chain to, as PEM blocks"
                        + " (-----BEGIN CERTIFICATE-----), e.g. J-LIS's user-authentication CA of each generation.")
                .add()
            .property().name(CardAuthenticatorConfig.REVOCATION_MODE).type(ProviderConfigProperty.LIST_TYPE)
                .label("Revocation checking")
                .options(RevocationMode.OCSP.setting(), RevocationMode.OCSP_THEN_CRL.setting(), RevocationMode.CRL.setting())
                .defaultValue(CardAuthenticatorConfig.DEFAULT_REVOCATION_MODE.setting())
                .helpText("Where revocation status comes from: OCSP, CRLs, or OCSP with CRLs when OCSP fails."
                        + " Every certificate of the path is checked; without an answer the login fails.")
                .add()
            .property().name(CardAuthenticatorConfig.OCSP_RESPONDER_URL).type(ProviderConfigProperty.STRING_TYPE)
                .label("OCSP responder URL")
                .helpText("Send every OCSP request here. Empty: the URL in the certificate (authorityInfoAccess).")
                .add()
            .property().name(CardAuthenticatorConfig.OCSP_RESPONDER_CERTIFICATE).type(ProviderConfigProperty.TEXT_TYPE)
                .label("Designated OCSP responder certificate (PEM)")
                .helpText("Also trust OCSP responses signed by this certificate (RFC 6960 4.2.2.2). Empty: only"
                        + " the issuing CA and responders it delegated to.")
                .add()
            .property().name(CardAuthenticatorConfig.CRL_URLS).type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .label("CRL URLs")
                .helpText("http(s) URLs of the CRLs; required when revocation checking uses CRLs.")
                .add()
            .property().name(CardAuthenticatorConfig.REVOCATION_CACHE_SIZE).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Revocation cache size")
                .defaultValue(CardAuthenticatorConfig.DEFAULT_REVOCATION_CACHE_SIZE)
                .helpText("How many certificates' revocation answers are reused while they are current (1 to "
                        + CardAuthenticatorConfig.MAX_REVOCATION_CACHE_SIZE + ").")
                .add()
            .property().name(CardAuthenticatorConfig.REVOCATION_FAIL_OPEN).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("INSECURE: accept logins when revocation cannot be checked (revocationFailOpen)")
                .defaultValue(false)
                .helpText("Off by default and it should stay off. When on, a login passes if no revocation source"
                        + " answers; revoked and unknown certificates are still refused. Logs a warning.")
                .add()
            .property().name(CardAuthenticatorConfig.BRIDGE_URL).type(ProviderConfigProperty.STRING_TYPE)
                .label("Card bridge URL")
                .defaultValue(CardAuthenticatorConfig.DEFAULT_BRIDGE_URL)
                .helpText("Where the card bridge listens on the resident's computer: a loopback URL"
                        + " (127.0.0.1, [::1] or localhost).")
                .add()
            .property().name(CardAuthenticatorConfig.CLOCK_SKEW_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Clock skew (seconds)")
                .defaultValue(CardAuthenticatorConfig.DEFAULT_CLOCK_SKEW_SECONDS)
                .helpText("How far the card assertion's time may be from the server's, 0 to "
                        + CardAuthenticatorConfig.MAX_CLOCK_SKEW_SECONDS + ".")
                .add()
            .property().name(CardAuthenticatorConfig.ACR_VALUE).type(ProviderConfigProperty.STRING_TYPE)
                .label("ACR value")
                .defaultValue(CardAuthenticatorConfig.DEFAULT_ACR_VALUE)
                .helpText("The authentication context class (acr) a card login earns.")
                .add()
            .property().name(CardAuthenticatorConfig.CREATE_USER).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("Create user on first login")
                .defaultValue(true)
                .helpText("Create a user (random username, no personal data) the first time a card logs in."
                        + " Off: only cards already linked to a user can log in.")
                .add()
            .property().name(CardAuthenticatorConfig.ALLOW_TEST_ROOTS).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("DEVELOPMENT ONLY: accept JPKI-TEST roots (allowTestRoots)")
                .defaultValue(false)
                .helpText("Accept certificates under O=JPKI-TEST roots (test cards, the card simulator)."
                        + " Never in production. Logs a warning.")
                .add()
            .build();

    private final SecureRandom random = new SecureRandom();
    private final PreparedVerifiers verifiers = new PreparedVerifiers();
    private final CertificateIdSecret secrets = new CertificateIdSecret(random);
    private final CardHandoff handoff = new CardHandoff(random);
    private final CardUsers users = new CardUsers(random);

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "My Number card (JPKI)";
    }

    @Override
    public String getHelpText() {
        return "Log in with the My Number card's user-authentication certificate through the card bridge on"
                + " the resident's computer. The PIN is typed in the bridge only, never in the browser.";
    }

    @Override
    public String getReferenceCategory() {
        return "myna-card";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENTS.clone();
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new CardAuthenticator(verifiers, secrets, handoff, users);
    }

    @Override
    public void init(Config.Scope config) {
        // No server-wide settings: everything is per realm, in the execution's config.
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // Nothing to wire.
    }

    @Override
    public void close() {
        verifiers.clear();
    }
}
