package io.mynagate.keycloak.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;

/** The link to the bridge, the return URI and the name the bridge shows as "who asks". */
class CardHandoffTest {
    @Test
    void linksToTheBridgesHandoffPathWithTheRequestAsQuery() {
        assertThat(CardHandoff.bridgeLink(URI.create("http://127.0.0.1:18450"), "h.p.s"))
                .hasToString("http://127.0.0.1:18450/handoff?request=h.p.s");
    }

    @Test
    void linksBelowABridgeUrlWithAPathOrTrailingSlash() {
        assertThat(CardHandoff.bridgeLink(URI.create("http://127.0.0.1:18450/"), "h.p.s"))
                .hasToString("http://127.0.0.1:18450/handoff?request=h.p.s");
        assertThat(CardHandoff.bridgeLink(URI.create("http://localhost:9/bridge/"), "h.p.s"))
                .hasToString("http://localhost:9/bridge/handoff?request=h.p.s");
    }

    @Test
    void returnsToTheRealmsCardEndpointWithTheLoginsClientAndTab() {
        assertThat(CardReturnResource.returnUri("https://idp.example.jp/realms/myna", "bank app", "a-B_1"))
                .hasToString("https://idp.example.jp/realms/myna/myna-card/return?client_id=bank+app&tab_id=a-B_1");
    }

    @Test
    void showsTheClientsNameAsWhoAsks() {
        assertThat(CardHandoff.displayName(client("bank", "みらい銀行"))).isEqualTo("みらい銀行");
    }

    @Test
    void fallsBackToTheClientIdForALocalizedName() {
        assertThat(CardHandoff.displayName(client("bank", "${client_bank}"))).isEqualTo("bank");
    }

    @Test
    void fallsBackToTheClientIdForANameWithABidirectionalOverride() {
        assertThat(CardHandoff.displayName(client("bank", "Bank\u202Ekcab"))).isEqualTo("bank");
    }

    @Test
    void fallsBackToTheClientIdForANameOfMoreThanAHundredCharacters() {
        assertThat(CardHandoff.displayName(client("bank", "B".repeat(101)))).isEqualTo("bank");
    }

    @Test
    void fallsBackToTheClientIdWithoutAName() {
        assertThat(CardHandoff.displayName(client("bank", null))).isEqualTo("bank");
        assertThat(CardHandoff.displayName(client("bank", "  "))).isEqualTo("bank");
    }

    private static ClientModel client(String clientId, String name) {
        return (ClientModel) Proxy.newProxyInstance(ClientModel.class.getClassLoader(), new Class<?>[] {ClientModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getClientId" -> clientId;
                    case "getName" -> name;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
