/**
 * The claim vocabulary: the names of the attributes a relying party may ask for and a resident may
 * release, one type ({@link io.mynagate.jpki.claims.ClaimName}) shared by the hand-off request
 * (what is requested), the card assertion (what was approved) and the Keycloak mappers.
 *
 * <p>The names are OpenID Connect Core 1.0 section 5.1 standard claims ({@code name},
 * {@code address}, {@code birthdate}, {@code gender}) and the derived {@code age_over_NN}. Each is
 * backed by one of the four basic attributes of the signature certificate (署名用電子証明書の基本4情報);
 * {@code age_over_NN} is computed from the birth date and released instead of it.
 *
 * <p>This package depends on nothing else in {@code jpki}, so any other package may use it without a
 * cycle. A name outside the vocabulary does not parse: callers map that to their own rejection
 * (e.g. {@code Reason.UNKNOWN_CLAIM}).
 */
package io.mynagate.jpki.claims;
