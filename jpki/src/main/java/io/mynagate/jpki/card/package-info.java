/**
 * Client of the JPKI application (公的個人認証AP) on a My Number card or smartphone token, over
 * {@code javax.smartcardio} (ISO 7816-4 short APDUs; {@code docs/jpki.md} section 1).
 *
 * <p>{@link io.mynagate.jpki.card.JpkiCardClient} selects the application by AID, reads the
 * certificates and the token label, counts and verifies PINs and signs SHA-256 DigestInfos. Every
 * refusal is a subclass of {@link io.mynagate.jpki.card.JpkiCardException}.
 *
 * <p>This package can select only the JPKI application and the files listed in
 * {@link io.mynagate.jpki.card.JpkiFiles}: it has no way to read the My Number.
 */
package io.mynagate.jpki.card;
