/**
 * The card authenticator: log in with the My Number card's user-authentication certificate
 * (利用者証明用電子証明書) through the card bridge. {@link io.mynagate.keycloak.card.CardAuthenticatorFactory}
 * registers it and describes its settings, {@link io.mynagate.keycloak.card.CardAuthenticatorConfig}
 * parses them into {@code jpki}'s {@link io.mynagate.jpki.login.LoginVerifier}, and the authenticator
 * maps every outcome to an event, a flow result and a page in one place.
 *
 * <p>This version shows the login page and refuses every submission: the hand-off to the bridge comes
 * next (see the module's README).
 */
package io.mynagate.keycloak.card;
