package io.mynagate.jpki.validation;

import java.util.Objects;

/**
 * A decisive answer of a {@link RevocationSource}: the state and the evidence it rests on.
 *
 * @param state good, revoked or unknown to the source
 * @param evidence the OCSP response or CRL that gave the answer
 */
public record RevocationStatus(State state, RevocationEvidence evidence) {

    /** The certificate status as RFC 6960 section 2.2 names it. */
    public enum State {
        /** Not revoked according to the evidence. */
        GOOD,
        /** Revoked (or on hold) according to the evidence. */
        REVOKED,
        /** The responder does not know the certificate (OCSP {@code unknown}). */
        UNKNOWN
    }

    /** Checks both fields are present. */
    public RevocationStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(evidence, "evidence");
    }
}
