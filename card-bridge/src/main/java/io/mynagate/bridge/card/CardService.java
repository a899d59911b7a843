package io.mynagate.bridge.card;

import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.card.CardReaders;
import io.mynagate.jpki.profile.CertificateKind;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The bridge's way to the My Number card: which readers there are, the status of the JPKI card, its
 * certificates, and card assertions signed on it. Every call opens its own session to the card and
 * closes it (which resets the card, so nothing verified outlives the call).
 *
 * <p>Every PIN is checked for its format ({@link io.mynagate.jpki.card.PinKind#checkFormat(char[])})
 * before any card is touched, so a typo never costs a try. PINs are {@code char[]}: never stored,
 * never in a message; the caller wipes its array after the call.
 *
 * <p>Obtain one from {@link #builder()}. Implementations are immutable; calls are serialized by the
 * reader layer.
 */
public interface CardService {
    /**
     * @return the attached readers, in listing order, each with whether it holds a card; may be empty
     * @throws JpkiException when the reader layer failed ({@link io.mynagate.jpki.Reason#CARD_COMMUNICATION})
     */
    List<CardReaders.Reader> readers() throws JpkiException;

    /**
     * The card the other calls would use, and its tries left, counted with VERIFY without data, which
     * spends no try.
     *
     * @return the status
     * @throws JpkiException {@code NO_READER}, {@code NO_CARD}, {@code NOT_JPKI_CARD}, {@code CARD_REMOVED},
     *     {@code CARD_COMMUNICATION}, or the card's refusal
     */
    CardStatus status() throws JpkiException;

    /**
     * Reads a certificate of the card: the user-authentication certificate (利用者証明用電子証明書), free
     * on a card, after the PIN on a smartphone; or the signature certificate (署名用電子証明書), which is
     * released only after the signature password.
     *
     * @param kind which certificate, not null
     * @param secret the authentication PIN (only needed by smartphone tokens; may be null) or the
     *     signature password (required); not stored, not changed
     * @return the certificate; personal data for {@link CertificateKind#SIGNATURE}
     * @throws io.mynagate.jpki.card.PinFormatException when the secret cannot be right (the card is not touched)
     * @throws io.mynagate.jpki.card.WrongPinException with the tries left, when the card refused the secret
     * @throws JpkiException for any other refusal, as for {@link #status()}
     */
    X509Certificate certificate(CertificateKind kind, char[] secret) throws JpkiException;

    /**
     * Signs a card assertion on the card: with the user-authentication key for {@code auth}, the signature
     * key for {@code share} ({@link AssertionRequest#pinKind()} says which secret that needs).
     *
     * @param request what to sign, not null
     * @param secret the authentication PIN or the signature password; not stored, not changed
     * @return the compact JWS
     * @throws io.mynagate.jpki.card.PinFormatException when the secret cannot be right (the card is not touched)
     * @throws io.mynagate.jpki.card.WrongPinException with the tries left; exactly one try was spent
     * @throws io.mynagate.jpki.card.PinBlockedException when the PIN is blocked
     * @throws io.mynagate.jpki.card.NoSignatureCertificateException for {@code share} on a card without
     *     one (found before any VERIFY)
     * @throws JpkiException for any other refusal, as for {@link #status()}
     */
    String sign(AssertionRequest request, char[] secret) throws JpkiException;

    /**
     * As {@link #sign(AssertionRequest, char[])}, but in the same session counts the tries left of the
     * PIN first (VERIFY without data, which spends none) and sends no PIN when it is blocked, or when it
     * has one try left and the resident did not confirm using it. The bridge's page signs this way; the
     * command line, whose operator typed the command, signs with {@code lastTryConfirmed} true.
     *
     * @param request what to sign, not null
     * @param secret the authentication PIN or the signature password; not stored, not changed
     * @param lastTryConfirmed whether the resident confirmed that the last try may be used
     * @return the compact JWS
     * @throws LastTryNotConfirmedException when one try is left and {@code lastTryConfirmed} is false (no
     *     try spent)
     * @throws io.mynagate.jpki.card.PinBlockedException when the PIN is blocked (found before any VERIFY)
     * @throws JpkiException as {@link #sign(AssertionRequest, char[])}
     */
    String sign(AssertionRequest request, char[] secret, boolean lastTryConfirmed) throws JpkiException;

    /** @return a new builder */
    static CardServiceBuilder builder() {
        return new CardServiceBuilder();
    }
}
