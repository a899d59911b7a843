package io.mynagate.keycloak.card;

/**
 * What the card login template ({@value CardAuthenticator#TEMPLATE}) reads as {@code mynaCard}. A
 * JavaBean, because Keycloak's FreeMarker reads getters. Immutable.
 */
public final class CardLoginPage {
    private final String bridgeUrl;
    private final String handoffUrl;

    CardLoginPage(String bridgeUrl, String handoffUrl) {
        this.bridgeUrl = bridgeUrl;
        this.handoffUrl = handoffUrl;
    }

    /** @return the card bridge's loopback URL, never {@code null} */
    public String getBridgeUrl() {
        return bridgeUrl;
    }

    /**
     * @return the link to the bridge that carries this rendering's signed hand-off request,
     *     {@code <bridgeUrl>/handoff?request=<JWS>}; never {@code null}
     */
    public String getHandoffUrl() {
        return handoffUrl;
    }
}
