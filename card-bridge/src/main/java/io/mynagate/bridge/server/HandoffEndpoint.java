package io.mynagate.bridge.server;

import com.sun.net.httpserver.HttpExchange;
import io.mynagate.jpki.Reason;
import io.mynagate.jpki.handoff.HandoffRequest;
import io.mynagate.jpki.handoff.HandoffRequestException;
import io.mynagate.jpki.handoff.HandoffRequestVerifier;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /handoff?request=<JWS>}: the identity provider's top-level navigation. Nothing is shown
 * before {@code jpki}'s verifier accepted the request (issuer on the allowlist, signature against its JWK
 * set, expiry, single use, return URI on the issuer's origin). Refused: a page saying why, 400 (503 when
 * the issuer's key set could not be fetched: try later). Accepted: kept under a random id, and 303 to its
 * page, so that the request leaves the address bar and a reload shows the page rather than a replay.
 */
final class HandoffEndpoint {
    private static final System.Logger LOG = System.getLogger(HandoffEndpoint.class.getName());

    private final HandoffRequestVerifier verifier;
    private final PendingRequests pending;

    HandoffEndpoint(HandoffRequestVerifier verifier, PendingRequests pending) {
        this.verifier = verifier;
        this.pending = pending;
    }

    void handle(HttpExchange exchange, Language language, String explicitLanguage) throws IOException {
        HandoffRequest request;
        try {
            request = verifier.verify(Query.single(exchange.getRequestURI().getRawQuery(), "request"));
        } catch (HandoffRequestException e) {
            // The code only: the request's values are the sender's choice, and the message adds nothing.
            LOG.log(System.Logger.Level.INFO, "hand-off refused: {0}", e.reason().code());
            int status = e.reason().kind() == Reason.Kind.UNAVAILABLE ? 503 : 400;
            Responses.page(exchange, status, Pages.refusal(language, e.reason().code()), null);
            return;
        }
        Optional<PendingRequest> kept = pending.add(request);
        if (kept.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "hand-off refused: too many open requests");
            Responses.page(exchange, 503, Pages.refusal(language, "too_many_requests"), null);
            return;
        }
        LOG.log(System.Logger.Level.INFO, "hand-off accepted: purpose {0} from {1}", request.purpose().value(),
                request.issuer());
        String location = "/handoff/" + kept.get().id() + (explicitLanguage == null ? "" : "?lang=" + language.tag());
        Responses.seeOther(exchange, location);
    }
}
