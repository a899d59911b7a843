package io.mynagate.bridge.cli;

import io.mynagate.bridge.server.PortInUseException;
import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.Reason;
import io.mynagate.jpki.card.NoCardException;
import io.mynagate.jpki.card.NoReaderException;
import io.mynagate.jpki.card.PinBlockedException;
import io.mynagate.jpki.card.PinFormatException;
import io.mynagate.jpki.card.PinKind;
import io.mynagate.jpki.card.WrongPinException;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The one place where a failure becomes an exit status and one line on standard error:
 * {@code <reason code>: <English> / <日本語>}, e.g. {@code wrong_pin: wrong PIN, 2 tries left / 暗証番号が違います（残り2回）}.
 * The code is {@code jpki}'s stable {@link Reason#code()}; usage errors start with {@code usage:}.
 * No line holds a PIN, a certificate or personal data: card failures are described from their
 * {@link Reason} and fields, and {@code jpki}'s own messages (used for the rare reasons without a
 * sentence here) carry status words and file ids only.
 */
final class Failures {
    private Failures() {}

    /**
     * Writes the line for {@code failure} and returns its exit status: {@link CardBridgeCli#REFUSED} for
     * input the card or the bridge refuses ({@link Reason.Kind#REJECTED}), {@link CardBridgeCli#UNAVAILABLE}
     * when the reader, the card or the PC/SC service is not there ({@link Reason.Kind#UNAVAILABLE}) or the
     * port of {@code serve} is taken,
     * {@link CardBridgeCli#USAGE} for a bad command line, {@link CardBridgeCli#INTERNAL} for a bug.
     */
    static int report(Exception failure, PrintWriter err) {
        if (failure instanceof JpkiException e) {
            err.println(e.reason().code() + ": " + sentence(e));
            return e.reason().kind() == Reason.Kind.UNAVAILABLE ? CardBridgeCli.UNAVAILABLE : CardBridgeCli.REFUSED;
        }
        if (failure instanceof IllegalArgumentException) {
            return usage(failure.getMessage(), err);
        }
        if (failure instanceof PortInUseException e) {
            err.println("port_in_use: port " + e.port() + " on 127.0.0.1 is in use (is another card bridge running?)"
                    + " / ポート" + e.port() + "は使用中です（カードブリッジがすでに起動していませんか）");
            return CardBridgeCli.UNAVAILABLE;
        }
        if (failure instanceof IOException) {
            return usage("standard input could not be read", err);
        }
        // Only the type: the message of an unexpected exception was not written with secrets in mind.
        err.println("internal: unexpected " + failure.getClass().getName() + " (a bug in card-bridge)");
        return CardBridgeCli.INTERNAL;
    }

    /** A usage error: one line, exit status {@link CardBridgeCli#USAGE}. */
    static int usage(String message, PrintWriter err) {
        err.println("usage: " + message + " (see --help)");
        return CardBridgeCli.USAGE;
    }

    static String sentence(JpkiException e) {
        switch (e.reason()) {
            case WRONG_PIN: {
                WrongPinException wrong = (WrongPinException) e;
                int left = wrong.triesLeft();
                return wrong.pinKind() == PinKind.SIGNATURE
                        ? "wrong signature password, " + tries(left) + " left / 署名用パスワードが違います（残り" + left + "回）"
                        : "wrong PIN, " + tries(left) + " left / 暗証番号が違います（残り" + left + "回）";
            }
            case PIN_BLOCKED:
                return ((PinBlockedException) e).pinKind() == PinKind.SIGNATURE
                        ? "the signature password is blocked; only a municipal office can reset it"
                                + " / 署名用パスワードがロックされています。市区町村の窓口で解除してください"
                        : "the PIN is blocked; only a municipal office can reset it"
                                + " / 暗証番号がロックされています。市区町村の窓口で解除してください";
            case PIN_FORMAT:
                return ((PinFormatException) e).pinKind() == PinKind.SIGNATURE
                        ? "the signature password is 6 to 16 characters A-Z or 0-9; the card was not used"
                                + " / 署名用パスワードは英大文字と数字の6～16文字です（カードは使っていません）"
                        : "the PIN is 4 digits; the card was not used / 暗証番号は数字4桁です（カードは使っていません）";
            case NO_READER: {
                String name = ((NoReaderException) e).readerName();
                return name == null
                        ? "no card reader is attached / カードリーダーが接続されていません"
                        : "no card reader named '" + name + "' / その名前のカードリーダーはありません";
            }
            case NO_CARD: {
                String name = ((NoCardException) e).readerName();
                return (name == null ? "no card in any reader" : "no card in reader '" + name + "'")
                        + " / カードがカードリーダーにありません";
            }
            case NOT_JPKI_CARD:
                return "the card is not a My Number card (no JPKI application) / マイナンバーカードではありません";
            case NO_SIGNATURE_CERTIFICATE:
                return "the card has no signature certificate (a card of a resident under 15 has none)"
                        + " / このカードには署名用電子証明書がありません";
            case SECURITY_STATUS_NOT_SATISFIED:
                return "the card wants the PIN first (a smartphone: give it with --pin-stdin)"
                        + " / 先に暗証番号が必要です";
            case CARD_REMOVED:
                return "the card was removed during the operation / 処理中にカードが取り外されました";
            case CARD_COMMUNICATION:
                return "the card reader or the PC/SC service failed (is pcscd running?)"
                        + " / カードリーダーとの通信に失敗しました";
            default:
                return e.getMessage();
        }
    }

    private static String tries(int left) {
        return left == 1 ? "1 try" : left + " tries";
    }
}
