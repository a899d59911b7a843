package io.mynagate.bridge.server;

import com.sun.net.httpserver.HttpExchange;
import io.mynagate.bridge.card.CardService;
import java.io.IOException;
import java.util.Collection;

/**
 * {@code GET /handoff/<id>}: the page of an accepted request, with the card's status read just before
 * (no try spent). Also renders the same page after a POST that did not sign, with its notice.
 */
final class RequestEndpoint {
    private final CardService card;
    private final PendingRequests pending;

    RequestEndpoint(CardService card, PendingRequests pending) {
        this.card = card;
        this.pending = pending;
    }

    void handle(HttpExchange exchange, Language language, String id) throws IOException {
        PendingRequest request = pending.find(id).orElse(null);
        if (request == null) {
            Responses.page(exchange, 410, Pages.refusal(language, "request_gone"), null);
            return;
        }
        show(exchange, 200, language, request, null, null);
    }

    /**
     * The request's page: its card state read now, the notice of the last POST and the resident's last
     * choice of claims. The CSP lets the form end at the return URI's origin, where the bridge redirects.
     */
    void show(HttpExchange exchange, int status, Language language, PendingRequest request, Notice notice,
            Collection<String> checked) throws IOException {
        CardState state = CardState.read(card, request.request().purpose());
        String html = RequestPage.render(language, request, state, notice, checked);
        Responses.page(exchange, status, html, Responses.cspOrigin(request.request().returnUri()));
    }
}
