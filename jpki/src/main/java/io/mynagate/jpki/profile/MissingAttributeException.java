package io.mynagate.jpki.profile;

import io.mynagate.jpki.Reason;

/** A signature certificate lacks one of the four basic attributes in its subjectAltName. */
public final class MissingAttributeException extends CertificateProfileException {
    private static final long serialVersionUID = 1L;

    private final String oid;

    /** @param oid the attribute's otherName OID ({@link JpkiOids}) */
    public MissingAttributeException(String oid) {
        super(Reason.MISSING_ATTRIBUTE, "signature certificate lacks the attribute " + oid);
        this.oid = oid;
    }

    /** The OID of the missing attribute. */
    public String oid() {
        return oid;
    }
}
