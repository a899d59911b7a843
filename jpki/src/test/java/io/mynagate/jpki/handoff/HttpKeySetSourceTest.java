package io.mynagate.jpki.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mynagate.jpki.Reason;
import io.mynagate.jpki.assertion.Purpose;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The default key set source against a real HTTP server on 127.0.0.1 (the JDK's com.sun.net.httpserver). */
class HttpKeySetSourceTest {
    private static final String PATH = "/realms/myna/protocol/openid-connect/certs";

    private final MutableClock clock = new MutableClock(Realm.NOW);
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<String> body = new AtomicReference<>(Realm.keySet().toString());
    private final AtomicInteger status = new AtomicInteger(200);
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private AllowedIssuer issuer;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext(PATH, this::serveKeys);
        server.createContext("/silent", exchange -> awaitRelease());
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", PATH);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        issuer = issuerAt(PATH);
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void serveKeys(HttpExchange exchange) throws IOException {
        fetches.incrementAndGet();
        byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status.get(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private AllowedIssuer issuerAt(String path) {
        return AllowedIssuer.of(base() + "/realms/myna", URI.create(base() + path));
    }

    private HttpKeySetSourceBuilder source() {
        return KeySetSource.http().clock(clock).connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(2))
                .cacheTime(Duration.ofMinutes(5)).minRefetchInterval(Duration.ofSeconds(30));
    }

    private static void assertUnavailable(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(HandoffRequestException.class)
                .satisfies(e -> assertThat(((HandoffRequestException) e).reason()).isEqualTo(Reason.KEY_SET_UNAVAILABLE));
    }

    // ---- fetching and caching

    @Test
    void fetchesTheConfiguredJwksUri() throws Exception {
        JWKSet keys = source().build().keySet(issuer, Realm.RS_KID);
        assertThat(keys.getKeyByKeyId(Realm.RS_KID)).isNotNull();
        assertThat(fetches).hasValue(1);
    }

    @Test
    void servesFromTheCacheWithinTheCacheTime() throws Exception {
        KeySetSource source = source().build();
        source.keySet(issuer, Realm.RS_KID);
        clock.advance(Duration.ofMinutes(4));
        source.keySet(issuer, Realm.EC_KID);
        assertThat(fetches).hasValue(1);
    }

    @Test
    void refetchesOnceTheCacheTimeHasPassed() throws Exception {
        KeySetSource source = source().build();
        source.keySet(issuer, Realm.RS_KID);
        clock.advance(Duration.ofMinutes(5));
        source.keySet(issuer, Realm.RS_KID);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void refetchesOnAnUnknownKidAfterTheIssuerRotatedItsKey() throws Exception {
        KeySetSource source = source().build();
        source.keySet(issuer, Realm.RS_KID);
        RSAKey rotated = Realm.rsa(Realm.OTHER_RSA, "rotated-in", KeyUse.SIGNATURE, JWSAlgorithm.RS256);
        body.set(new JWKSet(rotated).toString());
        clock.advance(Duration.ofSeconds(30));
        assertThat(source.keySet(issuer, "rotated-in").getKeyByKeyId("rotated-in")).isNotNull();
        assertThat(fetches).hasValue(2);
    }

    @Test
    void doesNotRefetchForUnknownKidsWithinTheRefetchInterval() throws Exception {
        KeySetSource source = source().build();
        source.keySet(issuer, Realm.RS_KID);
        clock.advance(Duration.ofSeconds(29));
        for (int i = 0; i < 5; i++) {
            assertThat(source.keySet(issuer, "made-up-" + i).getKeyByKeyId("made-up-" + i)).isNull();
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void keepsOnlyPublicKeys() throws Exception {
        RSAKey withPrivate = new RSAKey.Builder((RSAPublicKey) Realm.RSA.getPublic())
                .privateKey((RSAPrivateKey) Realm.RSA.getPrivate()).keyID(Realm.RS_KID).keyUse(KeyUse.SIGNATURE).build();
        body.set(new JWKSet(withPrivate).toString(false));
        assertThat(source().build().keySet(issuer, Realm.RS_KID).getKeyByKeyId(Realm.RS_KID).isPrivate()).isFalse();
    }

    // ---- failures: KEY_SET_UNAVAILABLE, within the timeouts

    @Test
    void failsWithinTheTimeoutWhenTheServerNeverAnswers() {
        KeySetSource source = source().connectTimeout(Duration.ofMillis(500)).readTimeout(Duration.ofMillis(500)).build();
        long start = System.nanoTime();
        assertUnavailable(() -> source.keySet(issuerAt("/silent"), Realm.RS_KID));
        // connect + read = 1 s; the margin is for a loaded build machine, far below "hangs".
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void failsWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        AllowedIssuer closed = AllowedIssuer.of("http://127.0.0.1:" + port + "/realms/myna",
                URI.create("http://127.0.0.1:" + port + PATH));
        assertUnavailable(() -> source().build().keySet(closed, Realm.RS_KID));
    }

    @Test
    void failsOnAnHttpErrorStatus() {
        status.set(503);
        assertUnavailable(() -> source().build().keySet(issuer, Realm.RS_KID));
    }

    @Test
    void failsOnASetLargerThanTheLimit() {
        body.set("{\"keys\":[],\"padding\":\"" + "x".repeat(2048) + "\"}");
        assertUnavailable(() -> source().maxSize(1024).build().keySet(issuer, Realm.RS_KID));
    }

    @Test
    void failsOnABodyThatIsNotAJwkSet() {
        body.set("<html>login</html>");
        assertUnavailable(() -> source().build().keySet(issuer, Realm.RS_KID));
    }

    @Test
    void doesNotFollowRedirects() {
        assertUnavailable(() -> source().build().keySet(issuerAt("/redirect"), Realm.RS_KID));
        assertThat(fetches).hasValue(0);
    }

    @Test
    void doesNotServeAnExpiredSetWhenTheRefetchFails() throws Exception {
        KeySetSource source = source().build();
        source.keySet(issuer, Realm.RS_KID);
        status.set(500);
        clock.advance(Duration.ofMinutes(5));
        assertUnavailable(() -> source.keySet(issuer, Realm.RS_KID));
    }

    @Test
    void retriesAFailedFetchOnlyAfterTheRefetchInterval() throws Exception {
        KeySetSource source = source().build();
        status.set(500);
        assertUnavailable(() -> source.keySet(issuer, Realm.RS_KID));
        status.set(200);
        assertUnavailable(() -> source.keySet(issuer, Realm.RS_KID));
        assertThat(fetches).hasValue(1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(source.keySet(issuer, Realm.RS_KID).getKeyByKeyId(Realm.RS_KID)).isNotNull();
    }

    @Test
    void refusesARefetchIntervalLongerThanTheCacheTime() {
        assertThatThrownBy(() -> source().cacheTime(Duration.ofSeconds(10)).minRefetchInterval(Duration.ofSeconds(11)).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> source().readTimeout(Duration.ZERO).build()).isInstanceOf(IllegalStateException.class);
    }

    // ---- end to end: the verifier on the default source

    @Test
    void verifierChecksARequestAgainstKeysServedOverHttp() throws Exception {
        String iss = base() + "/realms/myna";
        HandoffRequestVerifier verifier = HandoffRequestVerifier.builder()
                .allowHttpOnLoopback()
                .allowIssuer(iss, URI.create(base() + PATH))
                .keySetSource(source().build())
                .clock(clock)
                .build();
        String jws = HandoffRequest.builder().issuer(iss).clock(clock).nonce(Realm.NONCE).purpose(Purpose.AUTH)
                .returnUri(URI.create(iss + "/login-actions/card")).clientId("mirai-bank").clientName("Mirai Bank")
                .sign(HandoffSigner.fromPrivateKey(Realm.RSA.getPrivate(), "RS256", Realm.RS_KID));
        assertThat(verifier.verify(jws).issuer()).isEqualTo(iss);
        assertThat(fetches).hasValue(1);
    }
}
