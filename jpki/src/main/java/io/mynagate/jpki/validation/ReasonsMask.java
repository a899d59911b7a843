package io.mynagate.jpki.validation;

import org.bouncycastle.asn1.x509.ReasonFlags;

/**
 * A set of revocation reasons as RFC 5280 section 6.3.2 uses it ({@code reasons_mask},
 * {@code interim_reasons_mask}): only the eight substantive reasons of {@code ReasonFlags}, never the
 * {@code unused} bit, so a set of CRLs partitioned by reason can add up to {@link #ALL}.
 */
record ReasonsMask(int bits) {
    private static final int ALL_BITS = ReasonFlags.keyCompromise | ReasonFlags.cACompromise
            | ReasonFlags.affiliationChanged | ReasonFlags.superseded | ReasonFlags.cessationOfOperation
            | ReasonFlags.certificateHold | ReasonFlags.privilegeWithdrawn | ReasonFlags.aACompromise;

    /** No reason covered yet: the start of section 6.3.2. */
    static final ReasonsMask NONE = new ReasonsMask(0);
    /** {@code all-reasons}. */
    static final ReasonsMask ALL = new ReasonsMask(ALL_BITS);

    ReasonsMask {
        bits &= ALL_BITS;
    }

    /** @return the reasons named by a {@code ReasonFlags} BIT STRING */
    static ReasonsMask of(ReasonFlags flags) {
        return new ReasonsMask(flags.intValue());
    }

    ReasonsMask and(ReasonsMask other) {
        return new ReasonsMask(bits & other.bits);
    }

    ReasonsMask or(ReasonsMask other) {
        return new ReasonsMask(bits | other.bits);
    }

    /** @return whether this set has a reason that {@code covered} lacks (section 6.3.3 (e)) */
    boolean addsTo(ReasonsMask covered) {
        return (bits & ~covered.bits) != 0;
    }

    boolean isAll() {
        return bits == ALL_BITS;
    }
}
