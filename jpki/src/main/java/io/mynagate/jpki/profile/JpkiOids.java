package io.mynagate.jpki.profile;

/**
 * Object identifiers of the JPKI certificate profile ({@code docs/jpki.md} section 2).
 * Shared by the profile parser and the test PKI of the card simulator.
 */
public final class JpkiOids {
    /** Arc of the subjectAltName otherNames carrying the four basic attributes. */
    public static final String ATTRIBUTE_ARC = "1.2.392.200149.8.5.5";
    /** Name (kanji; characters outside the JIS sets replaced). */
    public static final String NAME = ATTRIBUTE_ARC + ".1";
    /** Which characters of the name were replaced. */
    public static final String NAME_SUBSTITUTED = ATTRIBUTE_ARC + ".2";
    /** Sex: 1 male, 2 female, 3 unknown. */
    public static final String SEX = ATTRIBUTE_ARC + ".3";
    /** Birth date {@code EYYYYMMDD} with a leading era digit (unconfirmed). */
    public static final String BIRTH_DATE = ATTRIBUTE_ARC + ".4";
    /** Address. */
    public static final String ADDRESS = ATTRIBUTE_ARC + ".5";
    /** Which characters of the address were replaced. */
    public static final String ADDRESS_SUBSTITUTED = ATTRIBUTE_ARC + ".6";

    /** Certificate policy arc (unconfirmed on real end-entity certificates). */
    public static final String POLICY_ARC = "1.2.392.200149.8.5.1";
    /** Policy of signature certificates. */
    public static final String POLICY_SIGNATURE = POLICY_ARC + ".1.1";
    /** Policy of user-authentication certificates. */
    public static final String POLICY_AUTHENTICATION = POLICY_ARC + ".1.3";

    private JpkiOids() {}
}
