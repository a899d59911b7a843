package io.mynagate.simulator.card;

/**
 * What kind of JPKI token the card pretends to be; EF {@code 0006} carries the label
 * (docs/jpki.md sections 1 and 4).
 */
public enum TokenType {
    /** My Number card (マイナンバーカード). */
    CARD("JPKIAPICCTOKEN2", false),
    /** Android smartphone (スマホ用電子証明書): the authentication certificate needs the PIN first. */
    ANDROID("JPKIAPGPSETOKEN", true),
    /** iPhone: label from a single source; same access rule as Android. */
    IPHONE("JPKIAPIOSTOKEN", true);

    private final String label;
    private final boolean authCertificateNeedsPin;

    TokenType(String label, boolean authCertificateNeedsPin) {
        this.label = label;
        this.authCertificateNeedsPin = authCertificateNeedsPin;
    }

    /** The token label written to EF {@code 0006}. */
    public String label() {
        return label;
    }

    /** True when EF {@code 000A} is readable only after VERIFY on {@code 0018}. */
    public boolean authCertificateNeedsPin() {
        return authCertificateNeedsPin;
    }
}
