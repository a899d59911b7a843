package io.mynagate.bridge.server;

import com.sun.net.httpserver.HttpExchange;
import io.mynagate.bridge.card.AssertionRequest;
import io.mynagate.bridge.card.CardService;
import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.Reason;
import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.card.PinFormatException;
import io.mynagate.jpki.card.PinKind;
import io.mynagate.jpki.card.WrongPinException;
import io.mynagate.jpki.claims.ClaimName;
import io.mynagate.jpki.handoff.HandoffRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code POST /handoff/<id>/sign}: the PIN, the approved claims and the page's CSRF token. Checks, in
 * this order, each before the card is touched:
 * <ol>
 *   <li>{@code Origin} is the bridge's own (403 {@code foreign_origin}): only its page posts here;</li>
 *   <li>a form body of at most {@value SignForm#MAX_BODY} bytes (400/413 {@code malformed_form});</li>
 *   <li>the request is open: not signed, not expired (410 {@code request_gone});</li>
 *   <li>the CSRF token is this request's (403 {@code csrf_token});</li>
 *   <li>the approved claims are requested ones (400 {@code claim_not_requested}), at least one for
 *       {@code share} (422);</li>
 *   <li>the PIN's format (422, no try spent);</li>
 *   <li>no other card operation runs for this request (409).</li>
 * </ol>
 * Then it signs on the card, which in the same session refuses a blocked PIN, and a last try the
 * resident did not confirm, before any PIN is sent. Signed: the request ends (a second POST gets 410)
 * and the browser is sent 303 to {@code <return_uri>#assertion=<JWS>}: the fragment never reaches a
 * server, so the assertion goes only to the identity provider's page. Not signed: the page again with
 * what happened; the request stays open until it expires, so a wrong PIN may be retried.
 */
final class SignEndpoint {
    private static final System.Logger LOG = System.getLogger(SignEndpoint.class.getName());

    private final CardService card;
    private final PendingRequests pending;
    private final LoopbackHost host;
    private final RequestEndpoint page;

    SignEndpoint(CardService card, PendingRequests pending, LoopbackHost host, RequestEndpoint page) {
        this.card = card;
        this.pending = pending;
        this.host = host;
        this.page = page;
    }

    void handle(HttpExchange exchange, Language language, String id) throws IOException {
        String hostHeader = exchange.getRequestHeaders().getFirst("Host");
        if (!host.isOwnOrigin(exchange.getRequestHeaders().getFirst("Origin"), hostHeader)) {
            refuse(exchange, 403, language, "foreign_origin");
            return;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            refuse(exchange, 400, language, "malformed_form");
            return;
        }
        byte[] body = new byte[SignForm.MAX_BODY + 1];
        try {
            int length = readBody(exchange.getRequestBody(), body);
            if (length > SignForm.MAX_BODY) {
                refuse(exchange, 413, language, "malformed_form");
                return;
            }
            PendingRequest request = pending.find(id).orElse(null);
            if (request == null) {
                refuse(exchange, 410, language, "request_gone");
                return;
            }
            try (SignForm form = SignForm.parse(body, length)) {
                Arrays.fill(body, (byte) 0);
                sign(exchange, Language.choose(form.lang(), exchange.getRequestHeaders().getFirst("Accept-Language")),
                        request, form);
            }
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    private void sign(HttpExchange exchange, Language language, PendingRequest pendingRequest, SignForm form)
            throws IOException {
        if (!pendingRequest.csrfMatches(form.csrf()) || form.hasDuplicateField()) {
            refuse(exchange, 403, language, "csrf_token");
            return;
        }
        HandoffRequest request = pendingRequest.request();
        List<String> approved = approvedClaims(request, form.claims());
        if (approved == null) {
            refuse(exchange, 400, language, Reason.CLAIM_NOT_REQUESTED.code());
            return;
        }
        if (request.purpose() == Purpose.SHARE && approved.isEmpty()) {
            page.show(exchange, 422, language, pendingRequest, Notice.of("notice.no_claim"), approved);
            return;
        }
        AssertionRequest assertion = assertionRequest(request, approved);
        try {
            assertion.pinKind().checkFormat(form.pin());
        } catch (PinFormatException e) {
            page.show(exchange, 422, language, pendingRequest, Notice.of("notice.pin_format." + pinName(e.pinKind())),
                    approved);
            return;
        }
        if (!pendingRequest.tryBegin()) {
            page.show(exchange, 409, language, pendingRequest, Notice.of("notice.busy"), approved);
            return;
        }
        String jws;
        try {
            jws = card.sign(assertion, form.pin(), form.lastTryConfirmed());
        } catch (JpkiException e) {
            pendingRequest.end();
            LOG.log(System.Logger.Level.INFO, "not signed: {0}", e.reason().code());
            page.show(exchange, e.reason().kind() == Reason.Kind.UNAVAILABLE ? 503 : 422, language, pendingRequest,
                    notice(e), approved);
            return;
        } catch (RuntimeException e) {
            pendingRequest.end();
            throw e;
        }
        // At most one signature per request: ended before the browser learns of it.
        pending.finish(pendingRequest);
        LOG.log(System.Logger.Level.INFO, "signed: purpose {0} for {1}", request.purpose().value(), request.issuer());
        Responses.seeOther(exchange, request.returnUri() + "#assertion=" + jws);
    }

    /**
     * The approved claims in the order of the request (which the page shows); null when one was not
     * requested, came twice, or was sent for {@code auth}.
     */
    private static List<String> approvedClaims(HandoffRequest request, List<String> sent) {
        Set<String> distinct = new LinkedHashSet<>(sent);
        if (distinct.size() != sent.size()) {
            return null;
        }
        List<String> approved = new ArrayList<>();
        for (ClaimName claim : request.claims()) {
            if (distinct.remove(claim.value())) {
                approved.add(claim.value());
            }
        }
        return distinct.isEmpty() ? approved : null;
    }

    /** What the card signs: audience the request's issuer, its nonce; for share its client and the approved claims. */
    private static AssertionRequest assertionRequest(HandoffRequest request, List<String> approved) {
        AssertionRequest.Builder builder = AssertionRequest.builder()
                .audience(request.issuer())
                .nonce(request.nonce())
                .purpose(request.purpose());
        if (request.purpose() == Purpose.SHARE) {
            builder.clientId(request.clientId()).approvedClaims(approved);
        }
        return builder.build();
    }

    /** The notice of a card refusal; a blocked PIN or a missing card is explained by the page's state itself. */
    private static Notice notice(JpkiException e) {
        switch (e.reason()) {
            case WRONG_PIN: {
                WrongPinException wrong = (WrongPinException) e;
                return Notice.of("notice.wrong_pin." + pinName(wrong.pinKind()), wrong.triesLeft());
            }
            case LAST_TRY_NOT_CONFIRMED:
                return Notice.of("notice.last_try_not_confirmed");
            case CARD_REMOVED:
                return Notice.of("notice.card_removed");
            case PIN_BLOCKED:
            case NO_READER:
            case NO_CARD:
            case NOT_JPKI_CARD:
            case NO_SIGNATURE_CERTIFICATE:
            case CARD_COMMUNICATION:
                return null;
            default:
                return Notice.of("notice.card_failed", e.reason().code());
        }
    }

    private static String pinName(PinKind kind) {
        return kind == PinKind.SIGNATURE ? "sign" : "auth";
    }

    private static void refuse(HttpExchange exchange, int status, Language language, String code) throws IOException {
        LOG.log(System.Logger.Level.INFO, "sign refused: {0}", code);
        Responses.page(exchange, status, Pages.refusal(language, code), null);
    }

    /** Reads up to {@code buffer.length} bytes; a longer body is not read further (the caller refuses it). */
    private static int readBody(InputStream in, byte[] buffer) throws IOException {
        int length = 0;
        int n;
        while (length < buffer.length && (n = in.read(buffer, length, buffer.length - length)) > 0) {
            length += n;
        }
        return length;
    }
}
