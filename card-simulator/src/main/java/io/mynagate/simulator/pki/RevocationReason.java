package io.mynagate.simulator.pki;

import java.util.Locale;

/** CRL reason codes (RFC 5280 section 5.3.1) the simulator can record. */
public enum RevocationReason {
    UNSPECIFIED(0),
    KEY_COMPROMISE(1),
    CA_COMPROMISE(2),
    AFFILIATION_CHANGED(3),
    SUPERSEDED(4),
    CESSATION_OF_OPERATION(5),
    CERTIFICATE_HOLD(6),
    PRIVILEGE_WITHDRAWN(9);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    /** The RFC 5280 CRLReason code. */
    public int code() {
        return code;
    }

    /** Parses a name like {@code keyCompromise}, {@code key-compromise} or {@code KEY_COMPROMISE}. */
    public static RevocationReason parse(String text) {
        String normalized = text.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        for (RevocationReason reason : values()) {
            if (reason.name().replace("_", "").toLowerCase(Locale.ROOT).equals(normalized)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown revocation reason: " + text);
    }

    /** Reverse of {@link #code()}. */
    public static RevocationReason ofCode(int code) {
        for (RevocationReason reason : values()) {
            if (reason.code == code) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown revocation reason code " + code);
    }
}
