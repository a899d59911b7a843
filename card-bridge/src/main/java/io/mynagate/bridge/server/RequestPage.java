package io.mynagate.bridge.server;

import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.card.PinKind;
import io.mynagate.jpki.claims.ClaimName;
import io.mynagate.jpki.handoff.HandoffRequest;
import java.net.URI;
import java.util.Collection;

/**
 * The bridge's page for one request: which service asks, through which identity provider, for what; for
 * {@code share} the requested claims with one checkbox each; the card's tries left; the PIN or signature
 * password field (with a warning and a confirmation box when one try is left); or, when the card cannot
 * be used, what to do. The PIN field never has a value: nothing typed comes back in a page.
 */
final class RequestPage {
    private RequestPage() {}

    /**
     * @param notice the outcome of the last POST, or null
     * @param checked the claims to show checked (the resident's last choice); all requested when null
     */
    static String render(Language language, PendingRequest pending, CardState state, Notice notice,
            Collection<String> checked) {
        HandoffRequest request = pending.request();
        boolean share = request.purpose() == Purpose.SHARE;
        String title = Texts.get(language, share ? "share.title" : "auth.title");
        Html main = new Html();
        main.raw("<h1>").text(title).raw("</h1>\n<p class=\"lead\">").text(Texts.get(language, share ? "share.lead" : "auth.lead"))
                .raw("</p>\n");
        summary(main, language, request);
        if (notice != null) {
            main.raw("<p class=\"notice error\" role=\"alert\" id=\"notice\">").text(notice.text(language)).raw("</p>\n");
        }
        switch (state.kind()) {
            case READY -> form(main, language, pending, state, checked);
            case BLOCKED -> explanation(main, language, "state.blocked." + pinName(state.pinKind()), request);
            case NO_SIGNATURE_CERTIFICATE -> explanation(main, language, "state.no_signature_certificate", request);
            case UNAVAILABLE -> unavailable(main, language, pending, state);
            default -> throw new IllegalStateException("unknown state " + state.kind());
        }
        main.raw("<p class=\"cancel\">").text(Texts.get(language, "cancel.hint")).raw("</p>\n");
        return Pages.frame(language, title, pageLink(pending, language.other()), main.toString());
    }

    /** The page of {@code pending} in {@code language}: the retry and language links. */
    static String pageLink(PendingRequest pending, Language language) {
        return "/handoff/" + pending.id() + "?lang=" + language.tag();
    }

    private static void summary(Html main, Language language, HandoffRequest request) {
        main.raw("<dl class=\"request\">\n")
                .raw("<div class=\"row\"><dt>").text(Texts.get(language, "request.service")).raw("</dt><dd class=\"service\">")
                .text(request.clientName()).raw("</dd></div>\n")
                .raw("<div class=\"row\"><dt>").text(Texts.get(language, "request.provider")).raw("</dt><dd class=\"provider\">")
                .text(issuerHost(request.issuer())).raw("</dd></div>\n")
                .raw("<div class=\"row\"><dt>").text(Texts.get(language, "request.purpose")).raw("</dt><dd class=\"purpose\">")
                .text(Texts.get(language, request.purpose() == Purpose.SHARE ? "purpose.share" : "purpose.auth"))
                .raw("</dd></div>\n</dl>\n");
    }

    private static void form(Html main, Language language, PendingRequest pending, CardState state,
            Collection<String> checked) {
        HandoffRequest request = pending.request();
        String pin = pinName(state.pinKind());
        main.raw("<form class=\"sign\" id=\"sign-form\" method=\"post\" action=\"/handoff/").raw(pending.id())
                .raw("/sign\">\n<input type=\"hidden\" name=\"csrf\" value=\"").raw(pending.csrfToken()).raw("\">\n")
                .raw("<input type=\"hidden\" name=\"lang\" value=\"").raw(language.tag()).raw("\">\n");
        if (request.purpose() == Purpose.SHARE) {
            claimBoxes(main, language, request, checked);
        }
        main.raw("<p class=\"card-status\"><span class=\"dot\" aria-hidden=\"true\"></span>")
                .text(Texts.get(language, "card.found", Texts.get(language, state.tokenKey()))).raw(" <strong id=\"tries\">")
                .text(Texts.get(language, "tries." + pin, state.triesLeft())).raw("</strong></p>\n");
        if (state.triesLeft() == 1) {
            main.raw("<div class=\"notice warning last-try\" role=\"alert\"><p>").text(Texts.get(language, "lasttry." + pin))
                    .raw("</p>\n<div class=\"check\"><input type=\"checkbox\" name=\"confirm_last_try\" value=\"yes\"")
                    .raw(" id=\"confirm-last-try\" required><label for=\"confirm-last-try\">")
                    .text(Texts.get(language, "lasttry.confirm")).raw("</label></div></div>\n");
        }
        main.raw("<div class=\"field\"><label for=\"pin\">").text(Texts.get(language, "pin." + pin + ".label"))
                .raw("</label>\n<input id=\"pin\" name=\"pin\" type=\"password\" ").raw(pinAttributes(state.pinKind()))
                .raw(" autocomplete=\"off\" spellcheck=\"false\" required aria-describedby=\"pin-hint\" autofocus>\n")
                .raw("<p class=\"hint\" id=\"pin-hint\">").text(Texts.get(language, "pin." + pin + ".hint")).raw("</p></div>\n")
                .raw("<button type=\"submit\" class=\"button primary\" id=\"submit\">")
                .text(Texts.get(language, request.purpose() == Purpose.SHARE ? "submit.share" : "submit.auth"))
                .raw("</button>\n<p class=\"progress\" id=\"progress\" role=\"status\" aria-live=\"polite\" hidden>")
                .raw("<span class=\"spinner\" aria-hidden=\"true\"></span>").text(Texts.get(language, "busy"))
                .raw("</p>\n</form>\n");
    }

    private static void claimBoxes(Html main, Language language, HandoffRequest request, Collection<String> checked) {
        main.raw("<fieldset class=\"claims\" aria-describedby=\"claims-hint\"><legend>").text(Texts.get(language, "claims.legend"))
                .raw("</legend>\n<p class=\"hint\" id=\"claims-hint\">").text(Texts.get(language, "claims.hint"))
                .raw("</p>\n<ul class=\"checks\">\n");
        int index = 0;
        for (ClaimName claim : request.claims()) {
            String id = "claim-" + index++;
            boolean on = checked == null || checked.contains(claim.value());
            main.raw("<li class=\"check\"><input type=\"checkbox\" name=\"claim\" value=\"").text(claim.value())
                    .raw("\" id=\"").raw(id).raw("\"").raw(on ? " checked" : "").raw("><label for=\"").raw(id).raw("\">")
                    .text(label(language, claim)).raw("</label></li>\n");
        }
        main.raw("</ul>\n</fieldset>\n");
    }

    /** A state without form: the explanation, and for {@code share} the claims that were asked for. */
    private static void explanation(Html main, Language language, String key, HandoffRequest request) {
        main.raw("<section class=\"panel stop\" aria-labelledby=\"stop-h\"><h2 id=\"stop-h\">")
                .text(Texts.get(language, key + ".title")).raw("</h2>\n<p>").text(Texts.get(language, key)).raw("</p>\n");
        requestedClaims(main, language, request);
        main.raw("</section>\n");
    }

    private static void unavailable(Html main, Language language, PendingRequest pending, CardState state) {
        main.raw("<section class=\"panel wait\"><p class=\"notice warning\" role=\"status\" id=\"card-problem\">")
                .text(Texts.get(language, state.problemKey(), state.problemCode())).raw("</p>\n");
        requestedClaims(main, language, pending.request());
        main.raw("<p><a class=\"button primary\" id=\"retry\" href=\"").text(pageLink(pending, language)).raw("\">")
                .text(Texts.get(language, "retry")).raw("</a></p>\n</section>\n");
    }

    private static void requestedClaims(Html main, Language language, HandoffRequest request) {
        if (request.claims().isEmpty()) {
            return;
        }
        main.raw("<p class=\"hint\">").text(Texts.get(language, "claims.legend")).raw("</p>\n<ul class=\"facts\">");
        for (ClaimName claim : request.claims()) {
            main.raw("<li>").text(label(language, claim)).raw("</li>");
        }
        main.raw("</ul>\n");
    }

    /** The human label of a claim: 氏名, 住所, ... or "18歳以上であるかどうか". */
    static String label(Language language, ClaimName claim) {
        if (claim.isAgeOver()) {
            return Texts.get(language, "claim.age_over", claim.ageThreshold().getAsInt());
        }
        return Texts.get(language, "claim." + claim.value());
    }

    private static String pinAttributes(PinKind kind) {
        return kind == PinKind.SIGNATURE
                ? "minlength=\"6\" maxlength=\"16\" pattern=\"[A-Z0-9]{6,16}\" autocapitalize=\"characters\""
                : "minlength=\"4\" maxlength=\"4\" pattern=\"[0-9]{4}\" inputmode=\"numeric\"";
    }

    private static String pinName(PinKind kind) {
        return kind == PinKind.SIGNATURE ? "sign" : "auth";
    }

    /** The identity provider as the resident may recognise it: the issuer's host (and port, if any). */
    static String issuerHost(String issuer) {
        URI uri = URI.create(issuer);
        return uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
