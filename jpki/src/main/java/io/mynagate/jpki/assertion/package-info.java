/**
 * The card assertion (docs/architecture.md "Card assertion"): a compact JWS signed by the card with RS256,
 * carrying its certificate in {@code x5c} and the audience, nonce, time and purpose of one login or
 * attribute release.
 *
 * <p>{@link io.mynagate.jpki.assertion.CardAssertion#builder()} makes one through a
 * {@link io.mynagate.jpki.assertion.Signer} (the card, or a software key in tests);
 * {@link io.mynagate.jpki.assertion.AssertionVerifier} checks one with Nimbus JOSE+JWT, each
 * rejection a subclass of {@link io.mynagate.jpki.assertion.AssertionException}.
 */
package io.mynagate.jpki.assertion;
