package io.mynagate.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.bridge.card.CardService;
import io.mynagate.bridge.testing.RawHttp;
import io.mynagate.bridge.testing.SimulatedCards;
import io.mynagate.bridge.testing.TestIdentityProvider;
import io.mynagate.jpki.card.PinKind;
import io.mynagate.simulator.card.SimulatedCard;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What keeps other web pages and other hosts' names away from the bridge: the {@code Host} check (DNS
 * rebinding), the {@code Origin} and CSRF checks of the one state-changing request, no CORS, the response
 * headers, the methods, the loopback-only socket. Each refusal leaves the card's counters as they were and
 * the bridge serving.
 */
class HardeningTest {
    private static TestIdentityProvider idp;
    private Bridge bridge;
    private SimulatedCard card;

    @BeforeAll
    static void startIdentityProvider() {
        idp = TestIdentityProvider.start();
    }

    @AfterAll
    static void stopIdentityProvider() {
        idp.close();
    }

    @BeforeEach
    void startBridge() {
        bridge = Bridge.start(idp);
        card = SimulatedCards.insert(SimulatedCards.adult());
    }

    @AfterEach
    void stopBridge() throws Exception {
        bridge.close();
        assertThat(card.myNumberReads()).isZero();
        SimulatedCards.removeCard();
    }

    @Test
    void refusesAForeignHostOnEveryPath() throws Exception {
        Bridge.OpenPage page = bridge.open(idp.auth());
        String jws = idp.auth();
        int port = bridge.server.port();
        for (String host : List.of("Host: rebound.example:" + port, "Host: 127.0.0.1:" + (port == 65535 ? 1 : port + 1),
                "Host: 127.0.0.1", "Host: 127.0.0.2:" + port, "Host: [::1]:" + port, RawHttp.NO_HOST)) {
            List<RawHttp.Response> answers = List.of(
                    bridge.http.get("/", host),
                    bridge.http.get("/handoff?request=" + jws, host),
                    bridge.http.get(page.path(), host),
                    bridge.http.get("/assets/bridge.css", host),
                    bridge.http.post(page.path() + "/sign", Bridge.form(page, "pin", SimulatedCards.PIN), host,
                            "Origin: http://" + host.substring("Host: ".length())));
            for (RawHttp.Response answer : answers) {
                assertThat(answer.status()).as(host).isEqualTo(421);
                assertThat(answer.body()).contains("misdirected_host").doesNotContain("name=\"csrf\"");
            }
        }
        assertCardUntouched();
        assertThat(bridge.open(jws).body()).as("the refused hand-off did not use up its jti").contains("name=\"pin\"");
        assertThat(bridge.sign(page, Bridge.form(page, "pin", SimulatedCards.PIN)).status()).isEqualTo(303);
    }

    @Test
    void servesLocalhostAsWellAsTheNumericAddress() {
        int port = bridge.server.port();
        String host = "Host: localhost:" + port;
        RawHttp.Response handoff = bridge.http.get("/handoff?request=" + idp.auth(), host);
        String path = handoff.header("Location");
        String csrf = new Bridge.OpenPage(path, bridge.http.get(path, host)).csrf();

        RawHttp.Response signed = bridge.http.post(path + "/sign", "csrf=" + csrf + "&pin=" + SimulatedCards.PIN, host,
                "Origin: http://localhost:" + port);

        assertThat(signed.status()).isEqualTo(303);
    }

    @Test
    void refusesAPostFromAnyOriginButTheBridgesOwn() throws Exception {
        Bridge.OpenPage page = bridge.open(idp.auth());
        URI issuer = URI.create(idp.issuer());
        for (String origin : List.of("Origin: https://attacker.example", "Origin: null",
                "Origin: http://" + issuer.getAuthority(), "Origin: http://localhost:" + bridge.server.port(),
                "Origin: https://127.0.0.1:" + bridge.server.port())) {

            RawHttp.Response refused = bridge.http.post(page.path() + "/sign", Bridge.form(page, "pin", SimulatedCards.PIN),
                    origin);

            assertThat(refused.status()).as(origin).isEqualTo(403);
            assertThat(refused.body()).contains("foreign_origin");
        }
        assertCardUntouched();
        assertThat(bridge.sign(page, Bridge.form(page, "pin", SimulatedCards.PIN)).status()).isEqualTo(303);
    }

    @Test
    void refusesAPostWithoutOrigin() throws Exception {
        Bridge.OpenPage page = bridge.open(idp.auth());

        RawHttp.Response refused = bridge.http.post(page.path() + "/sign", Bridge.form(page, "pin", SimulatedCards.PIN));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("foreign_origin");
        assertCardUntouched();
    }

    @Test
    void refusesAPostWithoutCsrfToken() throws Exception {
        Bridge.OpenPage page = bridge.open(idp.auth());

        RawHttp.Response refused = bridge.http.post(page.path() + "/sign", "pin=" + SimulatedCards.PIN,
                "Origin: " + bridge.origin());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("csrf_token");
        assertCardUntouched();
        assertThat(bridge.sign(page, Bridge.form(page, "pin", SimulatedCards.PIN)).status()).isEqualTo(303);
    }

    @Test
    void refusesAPostWithTheCsrfTokenOfAnotherRequest() throws Exception {
        Bridge.OpenPage first = bridge.open(idp.auth());
        Bridge.OpenPage second = bridge.open(idp.auth());

        RawHttp.Response refused = bridge.http.post(first.path() + "/sign", "csrf=" + second.csrf() + "&pin="
                + SimulatedCards.PIN, "Origin: " + bridge.origin());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("csrf_token");
        assertCardUntouched();
    }

    @Test
    void refusesAFormLargerThanTheLimit() throws Exception {
        Bridge.OpenPage page = bridge.open(idp.auth());

        RawHttp.Response refused = bridge.sign(page, Bridge.form(page, "pin", SimulatedCards.PIN, "x", "y".repeat(5000)));

        assertThat(refused.status()).isEqualTo(413);
        assertCardUntouched();
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndNoCorsHeader() {
        Bridge.OpenPage page = bridge.open(idp.auth());
        Map<String, RawHttp.Response> answers = Map.of(
                "home", bridge.http.get("/"),
                "page", page.response(),
                "refusal", bridge.handoff(idp.unsigned()),
                "redirect", bridge.handoff(idp.auth()),
                "asset", bridge.http.get("/assets/bridge.css"),
                "not found", bridge.http.get("/admin"),
                "method", bridge.http.send("PUT", "/", new byte[0]),
                "host", bridge.http.get("/", "Host: rebound.example"),
                "gone", bridge.http.get("/handoff/" + "A".repeat(43)),
                "signed", bridge.sign(page, Bridge.form(page, "pin", SimulatedCards.PIN)));
        answers.forEach((what, answer) -> {
            assertThat(answer.header("Content-Security-Policy")).as(what)
                    .contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'none'");
            assertThat(answer.header("X-Frame-Options")).as(what).isEqualTo("DENY");
            assertThat(answer.header("Cache-Control")).as(what).isEqualTo("no-store");
            assertThat(answer.header("Referrer-Policy")).as(what).isEqualTo(what.equals("page") ? "same-origin" : "no-referrer");
            assertThat(answer.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(answer.headers().keySet()).as(what).noneMatch(name -> name.startsWith("access-control-"));
        });
    }

    @Test
    void onlyTheRequestsPageLetsItsFormEndAtTheIssuersOrigin() {
        Bridge.OpenPage page = bridge.open(idp.auth());
        URI issuer = URI.create(idp.issuer());

        assertThat(page.response().header("Content-Security-Policy"))
                .endsWith("form-action 'self' http://" + issuer.getAuthority());
        assertThat(bridge.http.get("/").header("Content-Security-Policy")).endsWith("form-action 'self'");
    }

    @Test
    void theRequestsPageSendsAReferrerToTheBridgeOnlySoThatItsPostCarriesTheBridgesOrigin() {
        Bridge.OpenPage page = bridge.open(idp.auth());

        // Under no-referrer a browser would send "Origin: null" with the form (Fetch), which is refused.
        assertThat(page.response().header("Referrer-Policy")).isEqualTo("same-origin");
        RawHttp.Response signed = bridge.sign(page, Bridge.form(page, "pin", SimulatedCards.PIN));
        assertThat(signed.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void answersNoCorsPreflight() throws Exception {
        Bridge.OpenPage page = bridge.open(idp.auth());

        RawHttp.Response preflight = bridge.http.send("OPTIONS", page.path() + "/sign", null,
                "Origin: https://attacker.example", "Access-Control-Request-Method: POST",
                "Access-Control-Request-Headers: content-type");

        assertThat(preflight.status()).isEqualTo(405);
        assertThat(preflight.header("Allow")).isEqualTo("POST");
        assertThat(preflight.headers().keySet()).noneMatch(name -> name.startsWith("access-control-"));
        assertCardUntouched();
    }

    @Test
    void refusesEveryMethodAPathDoesNotTake() throws Exception {
        Bridge.OpenPage page = bridge.open(idp.auth());
        for (String method : List.of("PUT", "DELETE", "PATCH", "TRACE", "HEAD", "POST")) {
            assertThat(bridge.http.send(method, "/", new byte[0]).status()).as(method + " /").isEqualTo(405);
            assertThat(bridge.http.send(method, page.path(), new byte[0]).status()).as(method + " page").isEqualTo(405);
        }
        assertThat(bridge.http.get(page.path() + "/sign").status()).isEqualTo(405);
        assertThat(bridge.http.send("PUT", page.path() + "/sign", new byte[0], "Origin: " + bridge.origin()).status())
                .isEqualTo(405);
        assertCardUntouched();
        assertThat(bridge.sign(page, Bridge.form(page, "pin", SimulatedCards.PIN)).status()).isEqualTo(303);
    }

    @Test
    void answersNotFoundForAnyOtherPath() {
        for (String path : List.of("/admin", "/handoff/", "/handoff/short", "/assets/", "/assets/../texts_ja.properties",
                "/favicon.ico", "/handoff/" + "A".repeat(43) + "/sign/x")) {
            assertThat(bridge.http.get(path).status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void listensOnTheLoopbackAddressOnly() throws Exception {
        assertThat(bridge.server.address().getAddress()).isEqualTo(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
        for (InetAddress other : otherAddressesOfThisMachine()) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(other, bridge.server.port()), 2000))
                        .as(other.toString()).isInstanceOf(java.io.IOException.class);
            }
        }
    }

    @Test
    void reportsAPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            assertThatThrownBy(() -> BridgeServer.builder()
                    .cardService(CardService.builder().provider(Bridge.SIMULATOR).build())
                    .verifier(idp.verifier().build())
                    .port(taken.getLocalPort())
                    .start())
                    .isInstanceOfSatisfying(PortInUseException.class,
                            e -> assertThat(e.port()).isEqualTo(taken.getLocalPort()));
        }
    }

    private void assertCardUntouched() throws Exception {
        assertThat(SimulatedCards.triesLeft(card, PinKind.AUTHENTICATION)).isEqualTo(3);
        assertThat(SimulatedCards.triesLeft(card, PinKind.SIGNATURE)).isEqualTo(5);
        assertThat(card.signatures()).isZero();
    }

    private static List<InetAddress> otherAddressesOfThisMachine() throws Exception {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    addresses.add(address);
                }
            }
        }
        return addresses;
    }
}
