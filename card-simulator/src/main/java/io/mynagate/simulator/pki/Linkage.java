package io.mynagate.simulator.pki;

import java.math.BigInteger;
import java.time.Instant;

/**
 * A linkage record as platform operators receive them from J-LIS (docs/jpki.md section 3):
 * old certificate -> new certificate after renewal, or the authentication certificate paired with
 * the signature certificate of the same person.
 *
 * @param type   what the record links
 * @param from   serial of the old (or authentication) certificate
 * @param to     serial of the new (or signature) certificate
 * @param cardId the card
 * @param at     when the record was made
 */
public record Linkage(Type type, BigInteger from, BigInteger to, String cardId, Instant at) {
    /** Kinds of linkage. */
    public enum Type {
        /** Old user-authentication certificate -> its renewal. */
        RENEWAL_AUTH,
        /** Old signature certificate -> its renewal. */
        RENEWAL_SIGN,
        /** User-authentication certificate <-> signature certificate of one person. */
        AUTH_SIGN_PAIR
    }
}
