/**
 * The identity provider's one call (docs/architecture.md, "Login, step by step", step 4 and 5):
 * {@link io.mynagate.jpki.login.LoginVerifier} takes a card assertion and the expectations of this
 * login step ({@link io.mynagate.jpki.login.LoginExpectations}) and runs, in order, the assertion
 * checks, the purpose bound to the certificate kind, the approved claims against the requested ones,
 * the path to the configured JPKI roots and revocation; it returns a
 * {@link io.mynagate.jpki.login.VerifiedLogin} with the keyed certificate id and, for {@code share},
 * only the approved claim values.
 */
package io.mynagate.jpki.login;
