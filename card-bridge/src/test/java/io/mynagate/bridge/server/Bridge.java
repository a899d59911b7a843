package io.mynagate.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.bridge.card.CardService;
import io.mynagate.bridge.testing.RawHttp;
import io.mynagate.bridge.testing.TestIdentityProvider;
import io.mynagate.jpki.handoff.HandoffRequestVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bridge under test: a {@link BridgeServer} on a free port of 127.0.0.1 that allows the test identity
 * provider, with the card simulator's shared in-process reader (or another card service), and a raw HTTP
 * client that speaks to it as a browser would.
 */
final class Bridge implements AutoCloseable {
    /** The simulator's in-process provider, chosen by name as a user would. */
    static final String SIMULATOR = "MynaVirtualCard";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"");

    final BridgeServer server;
    final RawHttp http;

    private Bridge(BridgeServer server) {
        this.server = server;
        this.http = new RawHttp(server.port());
    }

    static Bridge start(TestIdentityProvider idp) {
        return start(idp, CardService.builder().provider(SIMULATOR).build());
    }

    static Bridge start(TestIdentityProvider idp, CardService card) {
        return start(idp, card, idp.verifier().build());
    }

    static Bridge start(TestIdentityProvider idp, CardService card, HandoffRequestVerifier verifier) {
        try {
            return new Bridge(BridgeServer.builder().cardService(card).verifier(verifier).port(0).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Wraps a server started by the test. */
    static Bridge start(BridgeServer server) {
        return new Bridge(server);
    }

    /** @return {@code http://127.0.0.1:<port>}, the Origin of the bridge's own pages */
    String origin() {
        return server.origin().toString();
    }

    /** The identity provider's navigation to the bridge. */
    RawHttp.Response handoff(String jws, String... headers) {
        return http.get("/handoff?request=" + jws, headers);
    }

    /** Hands off {@code jws} and follows the redirect to the request's page, as the browser does. */
    OpenPage open(String jws, String... headers) {
        RawHttp.Response handoff = handoff(jws, headers);
        assertThat(handoff.status()).as(handoff.toString()).isEqualTo(303);
        String location = handoff.header("Location");
        assertThat(location).startsWith("/handoff/");
        String path = location.contains("?") ? location.substring(0, location.indexOf('?')) : location;
        return new OpenPage(path, http.get(location, headers));
    }

    /** The page again (the resident's "check again"). */
    RawHttp.Response reload(OpenPage page, String... headers) {
        return http.get(page.path(), headers);
    }

    /** Submits the page's form from the bridge's own origin. */
    RawHttp.Response sign(OpenPage page, String form) {
        return http.post(page.path() + "/sign", form, "Origin: " + origin());
    }

    /** The form as the page sends it: the CSRF token, then {@code pairs} (name, value, ...) URL-encoded. */
    static String form(OpenPage page, String... pairs) {
        StringBuilder form = new StringBuilder("csrf=").append(page.csrf());
        for (int i = 0; i < pairs.length; i += 2) {
            form.append('&').append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    @Override
    public void close() {
        server.close();
    }

    /**
     * A request's page as the browser got it.
     *
     * @param path {@code /handoff/<id>}
     * @param response the page
     */
    record OpenPage(String path, RawHttp.Response response) {
        String body() {
            return response.body();
        }

        /** @return the page's CSRF token; fails when the page has no form */
        String csrf() {
            Matcher matcher = CSRF.matcher(response.body());
            assertThat(matcher.find()).as("the page has a form with a CSRF token:\n" + response.body()).isTrue();
            return matcher.group(1);
        }
    }
}
