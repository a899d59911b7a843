package io.mynagate.simulator.pki;

import java.time.Instant;

/**
 * What the PKI knows about one certificate serial under one issuing root.
 *
 * @param state     good, revoked or unknown (not issued by that root)
 * @param revokedAt revocation time, null unless revoked
 * @param reason    revocation reason, null unless revoked
 */
public record CertificateStatus(State state, Instant revokedAt, RevocationReason reason) {
    /** Certificate state as OCSP reports it (RFC 6960 section 2.2). */
    public enum State { GOOD, REVOKED, UNKNOWN }

    static final CertificateStatus GOOD = new CertificateStatus(State.GOOD, null, null);
    static final CertificateStatus UNKNOWN = new CertificateStatus(State.UNKNOWN, null, null);
}
