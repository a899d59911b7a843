package io.mynagate.jpki.profile;

/** Sex as recorded in a signature certificate (otherName {@link JpkiOids#SEX}): codes 1, 2, 3. */
public enum Sex {
    /** Code {@code 1}. */
    MALE("1"),
    /** Code {@code 2}. */
    FEMALE("2"),
    /** Code {@code 3}: not known. */
    NOT_KNOWN("3");

    private final String code;

    Sex(String code) {
        this.code = code;
    }

    /** The code as written in the certificate. */
    public String code() {
        return code;
    }

    /**
     * The sex for a certificate code.
     *
     * @throws MalformedAttributeException for any other code
     */
    static Sex ofCode(String code) throws MalformedAttributeException {
        for (Sex sex : values()) {
            if (sex.code.equals(code)) {
                return sex;
            }
        }
        throw new MalformedAttributeException(JpkiOids.SEX, "not one of the codes 1, 2, 3");
    }
}
