/**
 * The card login: log in with the My Number card's user-authentication certificate
 * (利用者証明用電子証明書) through the card bridge.
 *
 * <ul>
 *   <li>{@link io.mynagate.keycloak.card.CardAuthenticatorFactory} registers the authenticator and
 *       describes its settings, which {@link io.mynagate.keycloak.card.CardAuthenticatorConfig} parses
 *       into {@code jpki}'s {@link io.mynagate.jpki.login.LoginVerifier};</li>
 *   <li>the authenticator hands off to the bridge with a one-time nonce and a request signed by the
 *       realm's RS256 key ({@code CardHandoff}), verifies the answer, finds or creates the user by the
 *       keyed certificate id ({@code CardUsers}), records the {@code acr} as the level of
 *       authentication ({@code CardAcr}), and maps every outcome to an event, a flow result and a page
 *       in one place ({@code CardLoginFailure});</li>
 *   <li>{@link io.mynagate.keycloak.card.CardReturnResourceProviderFactory} registers the bridge's way
 *       back, {@link io.mynagate.keycloak.card.CardReturnResource}, on the realm's own origin.</li>
 * </ul>
 */
package io.mynagate.keycloak.card;
