package io.mynagate.jpki.card;

/**
 * What carries the JPKI application, told by the token label in EF {@code 0006}
 * ({@code docs/jpki.md} sections 1 and 4; the smartphone labels have a single source).
 *
 * <p>This is the one table of token labels: the card simulator writes the labels it takes from here,
 * so the two cannot drift apart.
 */
public enum TokenKind {
    /** My Number card, label {@code JPKIAPICCTOKEN2}. */
    MY_NUMBER_CARD("JPKIAPICCTOKEN2"),
    /** Old Basic Resident Register (住基) card, label {@code JPKIAPICCTOKEN}. */
    JUKI_CARD("JPKIAPICCTOKEN"),
    /** Android smartphone, label {@code JPKIAPGPSETOKEN}. */
    ANDROID("JPKIAPGPSETOKEN"),
    /** iPhone, label {@code JPKIAPIOSTOKEN}. */
    IPHONE("JPKIAPIOSTOKEN"),
    /** Any other or no label. */
    UNKNOWN("");

    private final String label;

    TokenKind(String label) {
        this.label = label;
    }

    /** The token label of this kind; empty for {@link #UNKNOWN}. */
    public String label() {
        return label;
    }

    /** Whether this is a smartphone, whose authentication certificate is readable only after VERIFY. */
    public boolean isSmartphone() {
        return this == ANDROID || this == IPHONE;
    }

    /**
     * The kind for a label (already trimmed of padding); exact match, {@link #UNKNOWN} otherwise.
     *
     * @param label the label, not null
     */
    public static TokenKind ofLabel(String label) {
        for (TokenKind kind : values()) {
            if (kind != UNKNOWN && kind.label.equals(label)) {
                return kind;
            }
        }
        return UNKNOWN;
    }
}
