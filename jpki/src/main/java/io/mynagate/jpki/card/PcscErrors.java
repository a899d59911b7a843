package io.mynagate.jpki.card;

import java.util.Locale;
import javax.smartcardio.CardNotPresentException;

/**
 * Reads what a reader layer meant by a {@code CardException}. Providers differ: the JDK and the card
 * simulator throw {@link CardNotPresentException}, jnasmartcardio often a plain {@code CardException}
 * whose message (or a cause's) names the PC/SC code.
 */
final class PcscErrors {
    private PcscErrors() {}

    /**
     * Whether the failure says the card is not (or no longer) in the reader: {@link CardNotPresentException}
     * anywhere in the chain, or PC/SC's {@code SCARD_W_REMOVED_CARD} / {@code SCARD_E_NO_SMARTCARD}.
     */
    static boolean saysNoCard(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CardNotPresentException) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toUpperCase(Locale.ROOT);
            if (message.contains("REMOVED_CARD") || message.contains("NO_SMARTCARD")
                    || message.contains("CARD REMOVED") || message.contains("CARD HAS BEEN REMOVED")) {
                return true;
            }
        }
        return false;
    }
}
