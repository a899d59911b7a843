package io.mynagate.keycloak.realm;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.mynagate.keycloak.testing.AdminApi;
import io.mynagate.keycloak.testing.KeycloakServerExtension;
import io.mynagate.keycloak.testing.RunningKeycloak;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The minimal-claims realm ({@code realm/myna-minimal-claims.json}) imported into the real Keycloak: only
 * the two client scopes of its own, PKCE S256 and lightweight access tokens on its clients, and tokens
 * (as the admin API's scope evaluation makes them for a user) with a pairwise {@code sub} and none of
 * {@code preferred_username}, {@code email}, {@code name} or roles.
 */
@ExtendWith(KeycloakServerExtension.class)
class MinimalClaimsRealmIT {
    private static final String REALM = "myna-minimal-claims";
    private static final List<String> PERSONAL_OR_ROLE_CLAIMS = List.of("preferred_username", "email", "email_verified",
            "name", "given_name", "family_name", "realm_access", "resource_access", "groups", "roles");

    private static AdminApi admin;
    private static String userId;
    private static String bankId;
    private static String visaId;

    @BeforeAll
    static void importRealmAndCreateUser(RunningKeycloak keycloak) throws ParseException {
        admin = new AdminApi(keycloak);
        admin.create("", JSONObjectUtils.parse(resource("realm/myna-minimal-claims.json")));
        String location = admin.create("/" + REALM + "/users",
                Map.of("username", "u-" + UUID.randomUUID(), "enabled", true));
        userId = location.substring(location.lastIndexOf('/') + 1);
        bankId = clientId("bank");
        visaId = clientId("visa-renewal");
    }

    // Keycloak makes offline_access in every realm, with the offline_access role, whatever the import says;
    // none of profile, email, roles, web-origins, basic, address, phone, organization is there.
    @Test
    void realmHasOnlyItsOwnTwoClientScopesAndKeycloaksOfflineAccess() {
        assertThat(names(admin.getArray("/" + REALM + "/client-scopes")))
                .containsExactlyInAnyOrder("myna-basic", "acr", "offline_access");
    }

    @Test
    void newClientsGetOnlyTheMinimalScopesByDefault() {
        assertThat(names(admin.getArray("/" + REALM + "/default-default-client-scopes"))).containsExactlyInAnyOrder("myna-basic", "acr");
    }

    // offline_access is added to the realm's default optional scopes by Keycloak itself; the clients of
    // the import do not take it (bankClientHasOnlyTheMinimalScopes).
    @Test
    void newClientsMayOnlyAskForKeycloaksOfflineAccessBesides() {
        assertThat(names(admin.getArray("/" + REALM + "/default-optional-client-scopes"))).containsExactly("offline_access");
    }

    @Test
    void bankClientHasOnlyTheMinimalScopes() {
        assertThat(names(admin.getArray(client(bankId) + "/default-client-scopes"))).containsExactlyInAnyOrder("myna-basic", "acr");
        assertThat(admin.getArray(client(bankId) + "/optional-client-scopes")).isEmpty();
    }

    @Test
    void bankClientRequiresPkceS256AndLightweightAccessTokensAndNoFrontChannelLogout() {
        Map<String, Object> bank = admin.getObject(client(bankId));

        assertThat(attributes(bank))
                .containsEntry("pkce.code.challenge.method", "S256")
                .containsEntry("client.use.lightweight.access.token.enabled", "true")
                .containsEntry("backchannel.logout.session.required", "true");
        assertThat(bank).containsEntry("frontchannelLogout", false)
                .containsEntry("fullScopeAllowed", false)
                .containsEntry("directAccessGrantsEnabled", false)
                .containsEntry("implicitFlowEnabled", false);
    }

    @Test
    void idTokenCarriesPairwiseSubAndNoPersonalOrRoleClaims() {
        Map<String, Object> idToken = example(bankId, "generate-example-id-token");

        assertThat(idToken).doesNotContainKeys(PERSONAL_OR_ROLE_CLAIMS.toArray(String[]::new));
        assertThat(idToken.get("sub")).isNotNull().isNotEqualTo(userId);
    }

    @Test
    void subIsTheSameForOneRelyingPartyAndDiffersBetweenRelyingParties() {
        Object bankSub = example(bankId, "generate-example-id-token").get("sub");

        assertThat(example(bankId, "generate-example-id-token").get("sub")).isEqualTo(bankSub);
        assertThat(example(visaId, "generate-example-id-token").get("sub")).isNotNull().isNotEqualTo(bankSub);
    }

    @Test
    void accessTokenCarriesApiAudienceAndPairwiseSubAndNoPersonalOrRoleClaims() {
        Map<String, Object> accessToken = example(bankId, "generate-example-access-token");

        assertThat(accessToken).doesNotContainKeys(PERSONAL_OR_ROLE_CLAIMS.toArray(String[]::new));
        assertThat(String.valueOf(accessToken.get("aud"))).contains("https://api.bank.example.jp");
        assertThat(accessToken.get("sub")).isEqualTo(example(bankId, "generate-example-id-token").get("sub"));
    }

    @Test
    void userinfoCarriesNothingButTheSub() {
        Map<String, Object> userinfo = example(bankId, "generate-example-userinfo");

        assertThat(userinfo.keySet()).containsExactly("sub");
        assertThat(userinfo.get("sub")).isNotEqualTo(userId);
    }

    private static Map<String, Object> example(String clientUuid, String kind) {
        return admin.getObject(client(clientUuid) + "/evaluate-scopes/" + kind + "?scope=openid&userId=" + userId);
    }

    private static String clientId(String clientId) {
        return admin.getArray("/" + REALM + "/clients?clientId=" + clientId).stream()
                .map(MinimalClaimsRealmIT::asMap).map(c -> (String) c.get("id")).findFirst().orElseThrow();
    }

    private static String client(String clientUuid) {
        return "/" + REALM + "/clients/" + clientUuid;
    }

    private static List<Object> names(List<Object> scopes) {
        return scopes.stream().map(MinimalClaimsRealmIT::asMap).map(scope -> scope.get("name")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributes(Map<String, Object> representation) {
        return (Map<String, Object>) representation.get("attributes");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object item) {
        return (Map<String, Object>) item;
    }

    private static String resource(String name) {
        try (InputStream in = MinimalClaimsRealmIT.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
