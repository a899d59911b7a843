package io.mynagate.simulator.card;

import io.mynagate.jpki.card.TokenKind;

/**
 * Which JPKI token the simulated card pretends to be. Label and access rule come from {@code jpki}'s
 * {@link TokenKind}, the one table the card client reads them with: EF {@code 0006} carries
 * {@link TokenKind#label()}, and a smartphone token ({@link TokenKind#isSmartphone()}) lets EF
 * {@code 000A} be read only after VERIFY.
 */
public enum TokenType {
    /** My Number card (マイナンバーカード). */
    CARD(TokenKind.MY_NUMBER_CARD),
    /** Android smartphone (スマホ用電子証明書): the authentication certificate needs the PIN first. */
    ANDROID(TokenKind.ANDROID),
    /** iPhone: same access rule as Android. */
    IPHONE(TokenKind.IPHONE);

    private final TokenKind kind;

    TokenType(TokenKind kind) {
        this.kind = kind;
    }

    /** The kind the card client tells from the label. */
    public TokenKind kind() {
        return kind;
    }

    /** The token label written to EF {@code 0006}. */
    public String label() {
        return kind.label();
    }

    /** True when EF {@code 000A} is readable only after VERIFY on {@code 0018}. */
    public boolean authCertificateNeedsPin() {
        return kind.isSmartphone();
    }
}
