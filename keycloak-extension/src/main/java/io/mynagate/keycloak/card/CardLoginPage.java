package io.mynagate.keycloak.card;

/**
 * What the card login template ({@value CardAuthenticator#TEMPLATE}) reads as {@code mynaCard}. A
 * JavaBean, because Keycloak's FreeMarker reads getters. Immutable.
 */
public final class CardLoginPage {
    private final String bridgeUrl;

    CardLoginPage(String bridgeUrl) {
        this.bridgeUrl = bridgeUrl;
    }

    /** @return the card bridge's loopback URL, never {@code null} */
    public String getBridgeUrl() {
        return bridgeUrl;
    }
}
