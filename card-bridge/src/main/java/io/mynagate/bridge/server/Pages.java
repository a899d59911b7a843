package io.mynagate.bridge.server;

import io.mynagate.bridge.card.CardStatus;
import java.util.Locale;

/**
 * The frame every page shares (header with the bridge's name, main sheet, footer) and the simple pages:
 * a refusal that says why, and the start page. All text comes from {@link Texts}; all style from the
 * bridge's own {@code /assets/bridge.css}.
 */
final class Pages {
    private Pages() {}

    /**
     * @param languageLink the address of this page in the other language, or null for none (a refusal
     *     of a hand-off cannot be loaded again: the request is single use)
     * @param main the page's {@code <main>} content, already escaped
     */
    static String frame(Language language, String title, String languageLink, String main) {
        Html html = new Html();
        html.raw("<!DOCTYPE html>\n<html lang=\"").raw(language.tag()).raw("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<title>").text(title).raw(" | ").text(Texts.get(language, "app.name")).raw("</title>\n")
                .raw("<link rel=\"stylesheet\" href=\"/assets/bridge.css\">\n")
                .raw("<link rel=\"icon\" href=\"/assets/card.svg\" type=\"image/svg+xml\">\n")
                .raw("<script src=\"/assets/bridge.js\" defer></script>\n</head>\n<body>\n")
                .raw("<header class=\"bar\"><div class=\"bar-inner\">")
                .raw("<img class=\"logo\" src=\"/assets/card.svg\" alt=\"\" width=\"36\" height=\"36\">")
                .raw("<div class=\"brand\"><span class=\"app\">").text(Texts.get(language, "app.name"))
                .raw("</span><span class=\"local\">").text(Texts.get(language, "app.local")).raw("</span></div>");
        if (languageLink != null) {
            Language other = language.other();
            html.raw("<a class=\"lang\" href=\"").text(languageLink).raw("\" lang=\"").raw(other.tag())
                    .raw("\" hreflang=\"").raw(other.tag()).raw("\">").text(Texts.get(language, "lang.switch"))
                    .raw("</a>");
        }
        html.raw("</div></header>\n<main class=\"sheet\">\n").raw(main).raw("</main>\n")
                .raw("<footer class=\"foot\"><p>").text(Texts.get(language, "footer")).raw("</p></footer>\n")
                .raw("</body>\n</html>\n");
        return html.toString();
    }

    /**
     * A refusal: what happened (from the reason code), what to do, and the code for a help desk.
     *
     * @param code a reason code with a {@code refusal.<code>} text
     */
    static String refusal(Language language, String code) {
        String title = Texts.get(language, "refusal.title");
        String key = "refusal." + code;
        Html main = new Html();
        main.raw("<div class=\"icon-title refused\"><h1>").text(title).raw("</h1></div>\n")
                .raw("<p class=\"notice error\" role=\"alert\">")
                .text(Texts.has(key) ? Texts.get(language, key) : Texts.get(language, "refusal.internal"))
                .raw("</p>\n<p>").text(Texts.get(language, "refusal.what_to_do")).raw("</p>\n")
                .raw("<p class=\"code\">").text(Texts.get(language, "refusal.code", code)).raw("</p>\n");
        return frame(language, title, null, main.toString());
    }

    /**
     * The start page: the bridge runs, and the card as it is now.
     *
     * @param status the card's status, or null when it could not be read
     * @param problem the state to explain when {@code status} is null, else null
     */
    static String home(Language language, CardStatus status, CardState problem) {
        String title = Texts.get(language, "home.title");
        Html main = new Html();
        main.raw("<div class=\"icon-title ok\"><h1>").text(title).raw("</h1></div>\n<p>")
                .text(Texts.get(language, "home.lead")).raw("</p>\n<section class=\"panel\" aria-labelledby=\"card-h\">")
                .raw("<h2 id=\"card-h\">").text(Texts.get(language, "home.card")).raw("</h2>\n");
        if (status == null) {
            main.raw("<p class=\"notice warning\">").text(Texts.get(language, problem.problemKey(), problem.problemCode()))
                    .raw("</p>\n");
        } else {
            String token = "token." + status.tokenKind().name().toLowerCase(Locale.ROOT);
            main.raw("<p class=\"status-ok\">").text(Texts.get(language, "card.found", Texts.get(language, token)))
                    .raw("</p>\n<ul class=\"facts\">")
                    .raw("<li>").text(Texts.get(language, "home.tries.auth", status.authenticationTriesLeft())).raw("</li>")
                    .raw("<li>").text(status.signatureTriesLeft().isPresent()
                            ? Texts.get(language, "home.tries.sign", status.signatureTriesLeft().getAsInt())
                            : Texts.get(language, "home.tries.sign.none")).raw("</li></ul>\n");
        }
        main.raw("<p><a class=\"button secondary\" href=\"/?lang=").raw(language.tag()).raw("\">")
                .text(Texts.get(language, "retry")).raw("</a></p>\n</section>\n");
        return frame(language, title, "/?lang=" + language.other().tag(), main.toString());
    }
}
