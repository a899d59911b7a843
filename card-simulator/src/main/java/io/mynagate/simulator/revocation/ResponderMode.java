package io.mynagate.simulator.revocation;

/** Which key signs OCSP responses (RFC 6960 section 4.2.2.2). */
public enum ResponderMode {
    /** A delegated responder certificate issued by the root (EKU OCSPSigning, ocsp-nocheck), included in the response. */
    DELEGATED,
    /** The root's own key; no certificate in the response. */
    DIRECT
}
