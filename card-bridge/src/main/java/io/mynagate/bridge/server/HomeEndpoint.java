package io.mynagate.bridge.server;

import com.sun.net.httpserver.HttpExchange;
import io.mynagate.bridge.card.CardService;
import io.mynagate.bridge.card.CardStatus;
import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.card.PinKind;
import java.io.IOException;

/** {@code GET /}: the bridge is running, and the card's status (tries left read without spending any). */
final class HomeEndpoint {
    private final CardService card;

    HomeEndpoint(CardService card) {
        this.card = card;
    }

    void handle(HttpExchange exchange, Language language) throws IOException {
        CardStatus status = null;
        CardState problem = null;
        try {
            status = card.status();
        } catch (JpkiException e) {
            problem = CardState.unavailable(PinKind.AUTHENTICATION, e);
        }
        Responses.page(exchange, 200, Pages.home(language, status, problem), null);
    }
}
