package io.mynagate.jpki.profile;

import io.mynagate.jpki.Reason;

/**
 * A basic attribute is present but cannot be read: not a string, a birth date that is not
 * {@code EYYYYMMDD}, an unknown sex code, or a subjectAltName that does not parse. The message names
 * the OID only, never the value.
 */
public final class MalformedAttributeException extends CertificateProfileException {
    private static final long serialVersionUID = 1L;

    private final String oid;

    /**
     * @param oid the attribute's OID, or the subjectAltName OID
     * @param reason what is wrong, without the value
     */
    public MalformedAttributeException(String oid, String reason) {
        super(Reason.MALFORMED_ATTRIBUTE, "attribute " + oid + " is malformed: " + reason);
        this.oid = oid;
    }

    /** The OID of the malformed attribute. */
    public String oid() {
        return oid;
    }
}
