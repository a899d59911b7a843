package io.mynagate.keycloak.card;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.jboss.logging.Logger;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.theme.Theme;

/**
 * The return page of {@link CardReturnResource} and its script. Plain HTML rather than a login-theme
 * template, so that its policy can be as strict as the page is small: no inline script or style, the
 * one script from the same endpoint, no framing, no referrer to other origins. Texts come from the
 * realm's login theme (this extension's {@code theme-resources/messages}), in the resident's locale.
 */
final class CardReturnPage {
    /**
     * No {@code form-action}: browsers apply it to the redirects after the post too, and the flow ends in
     * a redirect to the relying party's {@code redirect_uri}.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; script-src 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static final Logger LOG = Logger.getLogger(CardReturnPage.class);
    private static final String SCRIPT = load("return.js");

    private CardReturnPage() {}

    static Response render(KeycloakSession session, RealmModel realm, String clientId, String tabId) {
        Locale locale = session.getContext().resolveLocale(null);
        Properties messages = messages(session, realm, locale);
        String backToLogin = LoginActionsService.loginActionsBaseUrl(session.getContext().getUri())
                .path(LoginActionsService.AUTHENTICATE_PATH)
                .build(realm.getName()) + "?client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&tab_id=" + URLEncoder.encode(tabId, StandardCharsets.UTF_8);
        String html = "<!DOCTYPE html>\n"
                + "<html lang=\"" + escape(locale.toLanguageTag()) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + text(messages, "mynaCardReturnTitle") + "</title>\n"
                + "<script src=\"return.js\" defer></script>\n</head>\n<body>\n"
                + "<h1>" + text(messages, "mynaCardReturnTitle") + "</h1>\n"
                + "<form id=\"myna-card-return-form\" method=\"post\" action=\"return\">\n"
                + "<input type=\"hidden\" name=\"" + CardReturnResource.CLIENT_ID + "\" value=\"" + escape(clientId) + "\">\n"
                + "<input type=\"hidden\" name=\"" + CardReturnResource.TAB_ID + "\" value=\"" + escape(tabId) + "\">\n"
                + "<input type=\"hidden\" name=\"" + CardReturnResource.ASSERTION + "\" value=\"\">\n"
                + "</form>\n"
                + "<p id=\"myna-card-return-sending\">" + text(messages, "mynaCardReturnSending") + "</p>\n"
                + "<noscript><p id=\"myna-card-return-noscript\">" + text(messages, "mynaCardReturnNeedsScript") + "</p></noscript>\n"
                + "<p id=\"myna-card-return-missing\" hidden>" + text(messages, "mynaCardReturnNothing")
                + " <a id=\"myna-card-return-back\" href=\"" + escape(backToLogin) + "\">"
                + text(messages, "mynaCardReturnBackToLogin") + "</a></p>\n"
                + "</body>\n</html>\n";
        return strict(session, Response.ok(html, "text/html; charset=utf-8")).build();
    }

    static Response script(KeycloakSession session) {
        return strict(session, Response.ok(SCRIPT, "text/javascript; charset=utf-8")).build();
    }

    // Keycloak's own security headers (the realm's, e.g. "frame-src 'self'; frame-ancestors 'self';
    // object-src 'none';") would replace this page's policy, so they are skipped for these two responses
    // and the full set is written here.
    private static Response.ResponseBuilder strict(KeycloakSession session, Response.ResponseBuilder response) {
        session.getProvider(SecurityHeadersProvider.class).options().skipHeaders();
        return response
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on the post,
                // which SameOrigin refuses. The fragment is never part of a referrer.
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("X-Robots-Tag", "none")
                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    private static Properties messages(KeycloakSession session, RealmModel realm, Locale locale) {
        try {
            return session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("realm %s: login theme messages unreadable (%s); the card return page shows message keys",
                    realm.getName(), e.getClass().getSimpleName());
            return new Properties();
        }
    }

    // Keycloak's messages are MessageFormat patterns: '' is one apostrophe.
    private static String text(Properties messages, String key) {
        String value = messages.getProperty(key, key);
        return escape(value.replace("''", "'"));
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String load(String name) {
        try (InputStream in = CardReturnPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + CardReturnPage.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
