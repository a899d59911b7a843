package io.mynagate.bridge.cli;

import io.mynagate.bridge.card.CardService;
import io.mynagate.bridge.card.CardStatus;
import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.card.CardReaders;
import io.mynagate.jpki.card.PinKind;
import io.mynagate.jpki.card.TokenKind;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code card-bridge status}: the readers, the JPKI card the other commands would use, its token kind and
 * the tries left of both PINs, counted without spending any (VERIFY without data). One {@code key: value}
 * per line, for people and scripts.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Readers, the JPKI card, its token kind and the tries left of both PINs (none spent).",
                "カードリーダー、カードの種類、暗証番号の残り回数（回数は減りません）。"})
final class StatusCommand implements Callable<Integer> {
    @Mixin
    CardOptions card;

    private final Io io;

    StatusCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws JpkiException {
        CardService service = card.service();
        PrintWriter out = io.out();
        for (CardReaders.Reader reader : service.readers()) {
            out.println("reader: " + reader.name() + (reader.cardPresent() ? " (card)" : " (empty)"));
        }
        out.flush();
        CardStatus status = service.status();
        out.println("card-reader: " + status.readerName());
        out.println("token: " + (status.tokenLabel().isEmpty() ? "(no label)" : status.tokenLabel())
                + " (" + describe(status.tokenKind()) + ")");
        out.println("auth-pin-tries-left: " + status.authenticationTriesLeft() + " of "
                + PinKind.AUTHENTICATION.maxTries());
        out.println("sign-password-tries-left: " + (status.signatureTriesLeft().isPresent()
                ? status.signatureTriesLeft().getAsInt() + " of " + PinKind.SIGNATURE.maxTries()
                : "none (no signature certificate)"));
        return CardBridgeCli.OK;
    }

    private static String describe(TokenKind kind) {
        switch (kind) {
            case MY_NUMBER_CARD:
                return "My Number card";
            case JUKI_CARD:
                return "Basic Resident Register card";
            case ANDROID:
                return "Android smartphone";
            case IPHONE:
                return "iPhone";
            default:
                return "unknown token";
        }
    }
}
