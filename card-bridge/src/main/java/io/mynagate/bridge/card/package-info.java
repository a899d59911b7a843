/**
 * The bridge's way to the card: {@link io.mynagate.bridge.card.CardService} finds the reader holding a
 * JPKI card, reports its status (token kind, tries left of both PINs, without spending any), reads its
 * certificates and signs card assertions ({@link io.mynagate.bridge.card.AssertionRequest}) with
 * {@code jpki}'s {@link io.mynagate.jpki.card.JpkiCardClient} and
 * {@link io.mynagate.jpki.assertion.CardAssertion}.
 *
 * <p>PINs are {@code char[]}; this package checks their format before it touches the card, never
 * stores them and never puts them into a message. Like {@code jpki}, it can select only the JPKI
 * application: it has no way to read the My Number.
 */
package io.mynagate.bridge.card;
