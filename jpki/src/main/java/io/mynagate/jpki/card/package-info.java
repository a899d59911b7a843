/**
 * Client of the JPKI application (公的個人認証AP) on a My Number card or smartphone token, over
 * {@code javax.smartcardio} (ISO 7816-4 short APDUs; {@code docs/jpki.md} section 1).
 *
 * <p>{@link io.mynagate.jpki.card.JpkiCardClient} selects the application by AID, reads the
 * certificates and the token label, counts and verifies PINs and signs SHA-256 DigestInfos. Every
 * refusal is a subclass of {@link io.mynagate.jpki.card.JpkiCardException}.
 *
 * <p>The way to the card: {@link io.mynagate.jpki.card.CardReaders} lists the readers and
 * {@link io.mynagate.jpki.card.CardConnector} opens a {@link io.mynagate.jpki.card.CardSession} on one,
 * waiting for a card up to a timeout; {@link io.mynagate.jpki.card.CardConnectors} makes both for a
 * {@code javax.smartcardio} provider chosen by name (jnasmartcardio for real readers, the card
 * simulator's in-process readers in tests and the demo), so production code depends on no simulator.
 * {@link io.mynagate.jpki.card.PinKind#checkFormat(char[])} checks a PIN before any card is touched.
 *
 * <p>This is the only package of {@code jpki} that uses {@code javax.smartcardio}. It depends on
 * {@code io.mynagate.jpki.assertion} for {@link io.mynagate.jpki.assertion.Signer}, never the reverse.
 *
 * <p>This package can select only the JPKI application and the files listed in
 * {@link io.mynagate.jpki.card.JpkiFiles}: it has no way to read the My Number.
 */
package io.mynagate.jpki.card;
