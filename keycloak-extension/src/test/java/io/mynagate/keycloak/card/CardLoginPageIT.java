package io.mynagate.keycloak.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.keycloak.testing.AdminApi;
import io.mynagate.keycloak.testing.Browser;
import io.mynagate.keycloak.testing.CardFlow;
import io.mynagate.keycloak.testing.KeycloakServerExtension;
import io.mynagate.keycloak.testing.RunningKeycloak;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The extension in the real Keycloak distribution: the card authenticator in a copy of the browser flow
 * shows the card login page, in English and in Japanese, and makes the realm's certificate-id secret; a
 * wrong config gives an error page. The login itself: {@link CardLoginFlowIT}.
 */
@ExtendWith(KeycloakServerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CardLoginPageIT {
    private static final String REALM = "card-login-it";
    private static final String CLIENT = "bank";
    private static final String MISCONFIGURED_CLIENT = "bank-misconfigured";
    private static final String DEVELOPMENT_CLIENT = "bank-development";
    private static final String UNCONFIGURED_CLIENT = "bank-unconfigured";
    private static final String REDIRECT_URI = "http://127.0.0.1:9/callback";
    private static final String FLOW = "myna browser";
    private static final String BROKEN_FLOW = "myna broken";
    private static final String DEVELOPMENT_FLOW = "myna development";
    private static final String UNCONFIGURED_FLOW = "myna unconfigured";

    private static RunningKeycloak server;
    private static AdminApi admin;

    @BeforeAll
    static void createRealmWithCardFlow(RunningKeycloak keycloak) {
        server = keycloak;
        admin = new AdminApi(keycloak);
        admin.create("", Map.of(
                "realm", REALM, "enabled", true,
                "internationalizationEnabled", true, "supportedLocales", List.of("en", "ja"), "defaultLocale", "en",
                "eventsEnabled", true, "enabledEventTypes", List.of("LOGIN", "LOGIN_ERROR")));
        String cardFlowId = cardFlow(FLOW, Map.of(
                CardAuthenticatorConfig.TRUST_ANCHORS, CardAuthenticatorConfigTest.resource("jpki-roots/auth_ca_2023.pem"),
                CardAuthenticatorConfig.REVOCATION_MODE, "ocsp"));
        String brokenFlowId = cardFlow(BROKEN_FLOW, Map.of(CardAuthenticatorConfig.TRUST_ANCHORS, "not PEM at all"));
        String developmentFlowId = cardFlow(DEVELOPMENT_FLOW, Map.of(
                CardAuthenticatorConfig.TRUST_ANCHORS, CardAuthenticatorConfigTest.resource("jpki-roots/auth_ca_2023.pem"),
                CardAuthenticatorConfig.ALLOW_TEST_ROOTS, "true",
                CardAuthenticatorConfig.REVOCATION_FAIL_OPEN, "true"));
        String unconfiguredFlowId = cardFlow(UNCONFIGURED_FLOW, null);
        admin.update("/" + REALM, Map.of("browserFlow", FLOW));
        client(CLIENT, Map.of());
        client(MISCONFIGURED_CLIENT, Map.of("browser", brokenFlowId));
        client(DEVELOPMENT_CLIENT, Map.of("browser", developmentFlowId));
        client(UNCONFIGURED_CLIENT, Map.of("browser", unconfiguredFlowId));
        assertThat(cardFlowId).isNotEqualTo(brokenFlowId);
    }

    @Test
    @Order(1)
    void showsCardLoginPageInsteadOfPasswordForm() {
        HttpResponse<String> page = new Browser().authorize(realm(), CLIENT, REDIRECT_URI, Map.of());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Log in with My Number card")
                .contains("href=\"http://127.0.0.1:18450/handoff?request=")
                .contains("The card bridge must be installed and running on this computer (it listens on http://127.0.0.1:18450)")
                .contains("the 4-digit PIN of the card&#39;s user-authentication certificate")
                .doesNotContain("id=\"password\"");
    }

    @Test
    @Order(2)
    void showsCardLoginPageInJapaneseForUiLocalesJa() {
        HttpResponse<String> page = new Browser().authorize(realm(), CLIENT, REDIRECT_URI, Map.of("ui_locales", "ja"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("マイナンバーカードでログイン")
                .contains("カードブリッジを開く")
                .doesNotContain("Log in with My Number card");
    }

    @Test
    @Order(3)
    void createsRealmCertificateIdSecretOfThirtyTwoRandomBytesOnceOnly() {
        new Browser().authorize(realm(), CLIENT, REDIRECT_URI, Map.of());
        String first = secret();
        new Browser().authorize(realm(), CLIENT, REDIRECT_URI, Map.of());

        assertThat(Base64.getUrlDecoder().decode(first)).hasSize(32);
        assertThat(secret()).isEqualTo(first);
    }

    @Test
    @Order(5)
    void showsErrorPageAndLogsTheSettingWhenConfigIsWrong() {
        HttpResponse<String> page = new Browser().authorize(realm(), MISCONFIGURED_CLIENT, REDIRECT_URI, Map.of());

        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).contains("Card login is not set up correctly on this server");
        assertThat(server.log()).contains("card authenticator setting 'trustAnchors': PEM text: no -----BEGIN CERTIFICATE----- block");
        assertThat(loginErrors()).anySatisfy(event -> {
            assertThat(event.get("error")).isEqualTo("invalid_config");
            assertThat(event.get("clientId")).isEqualTo(MISCONFIGURED_CLIENT);
        });
    }

    @Test
    @Order(6)
    void showsErrorPageWhenTheStepHasNoConfigurationAtAll() {
        HttpResponse<String> page = new Browser().authorize(realm(), UNCONFIGURED_CLIENT, REDIRECT_URI, Map.of());

        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).contains("Card login is not set up correctly on this server");
        assertThat(server.log()).contains("realm " + REALM + ": the card authenticator execution has no configuration");
        assertThat(loginErrors()).anySatisfy(event -> {
            assertThat(event.get("error")).isEqualTo("invalid_config");
            assertThat(event.get("clientId")).isEqualTo(UNCONFIGURED_CLIENT);
        });
    }

    @Test
    @Order(7)
    void refusesToRunOnAnEditedCertificateIdSecret() {
        String original = secret();
        setSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]));
        try {
            HttpResponse<String> page = new Browser().authorize(realm(), CLIENT, REDIRECT_URI, Map.of());

            assertThat(page.statusCode()).isEqualTo(500);
            assertThat(page.body()).contains("Card login is not set up correctly on this server");
            assertThat(server.log()).contains("realm " + REALM + ": attribute myna.certificateIdSecret holds fewer than 32 bytes");
        } finally {
            setSecret(original);
        }
        assertThat(new Browser().authorize(realm(), CLIENT, REDIRECT_URI, Map.of()).body()).contains("Log in with My Number card");
    }

    @Test
    @Order(8)
    void warnsInTheServerLogWhenWeakeningSettingsAreOn() {
        HttpResponse<String> page = new Browser().authorize(realm(), DEVELOPMENT_CLIENT, REDIRECT_URI, Map.of());

        assertThat(page.body()).contains("Log in with My Number card");
        assertThat(server.log())
                .containsPattern("WARN .*realm " + REALM + ", card authenticator config [0-9a-f-]+: allowTestRoots is on")
                .containsPattern("WARN .*realm " + REALM + ", card authenticator config [0-9a-f-]+: revocationFailOpen is on");
    }

    @Test
    @Order(9)
    void describesItsSettingsToTheAdminConsole() {
        Map<String, Object> description = admin.getObject("/" + REALM
                + "/authentication/config-description/" + CardAuthenticatorFactory.PROVIDER_ID);
        List<Map<String, Object>> properties = ((List<?>) description.get("properties")).stream()
                .map(CardLoginPageIT::asMap).toList();

        assertThat(description).containsEntry("name", "My Number card (JPKI)");
        assertThat(properties).extracting(p -> p.get("name")).containsExactly(
                "trustAnchors", "revocationMode", "ocspResponderUrl", "ocspResponderCertificate", "crlUrls",
                "revocationCacheSize", "revocationFailOpen", "bridgeUrl", "clockSkewSeconds", "acrValue",
                "createUserOnFirstLogin", "allowTestRoots");
        assertThat(property(properties, "revocationFailOpen"))
                .containsEntry("type", "boolean").containsEntry("defaultValue", false);
        assertThat((String) property(properties, "revocationFailOpen").get("label")).startsWith("INSECURE:");
        assertThat((String) property(properties, "allowTestRoots").get("label")).startsWith("DEVELOPMENT ONLY:");
        assertThat(property(properties, "bridgeUrl")).containsEntry("defaultValue", "http://127.0.0.1:18450");
        assertThat(property(properties, "revocationMode").get("options")).isEqualTo(List.of("ocsp", "ocsp,crl", "crl"));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void serverLogHasNoStackTraceFromTheExtension() {
        String log = server.log();

        assertThat(log).contains("realm " + REALM + ": created its certificate-id secret");
        assertThat(log.lines().filter(line -> line.strip().startsWith("at io.mynagate."))).isEmpty();
        assertThat(log.lines().filter(line -> line.contains("Exception") && line.contains("io.mynagate"))).isEmpty();
    }

    private static String cardFlow(String alias, Map<String, String> config) {
        return CardFlow.create(admin, REALM, alias, config);
    }

    private static void client(String clientId, Map<String, String> flowOverrides) {
        admin.create("/" + REALM + "/clients", Map.of(
                "clientId", clientId, "publicClient", true, "standardFlowEnabled", true,
                "directAccessGrantsEnabled", false, "redirectUris", List.of(REDIRECT_URI),
                "attributes", Map.of("pkce.code.challenge.method", "S256"),
                "authenticationFlowBindingOverrides", flowOverrides));
    }

    private static String secret() {
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) admin.getObject("/" + REALM).get("attributes");
        return (String) attributes.get(CertificateIdSecret.ATTRIBUTE);
    }

    private static void setSecret(String value) {
        admin.update("/" + REALM, Map.of("attributes", Map.of(CertificateIdSecret.ATTRIBUTE, value)));
    }

    private static List<Map<String, Object>> loginErrors() {
        return admin.getArray("/" + REALM + "/events?type=LOGIN_ERROR&max=50").stream().map(CardLoginPageIT::asMap).toList();
    }

    private static Map<String, Object> property(List<Map<String, Object>> properties, String name) {
        return properties.stream().filter(p -> name.equals(p.get("name"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object item) {
        return (Map<String, Object>) item;
    }

    private static URI realm() {
        return admin.realmUri(REALM);
    }
}
