package io.mynagate.simulator.pki;

/** The two JPKI certificate families, each with its own roots. */
public enum CertKind {
    /** User authentication (利用者証明用電子証明書). */
    AUTH("auth", "JPKI for user authentication"),
    /** Digital signature (署名用電子証明書). */
    SIGN("sign", "JPKI for digital signature");

    private final String id;
    private final String organizationalUnit;

    CertKind(String id, String organizationalUnit) {
        this.id = id;
        this.organizationalUnit = organizationalUnit;
    }

    /** Short id used in file names and URLs: {@code auth} or {@code sign}. */
    public String id() {
        return id;
    }

    /** First OU of the root DN. */
    public String organizationalUnit() {
        return organizationalUnit;
    }

    /** Parses {@link #id()}. */
    public static CertKind ofId(String id) {
        for (CertKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown certificate kind");
    }
}
