package io.mynagate.bridge.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.claims.ClaimName;
import io.mynagate.jpki.handoff.HandoffRequest;
import io.mynagate.jpki.handoff.HandoffRequestBuilder;
import io.mynagate.jpki.handoff.HandoffRequestVerifier;
import io.mynagate.jpki.handoff.HandoffSigner;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The identity provider of the bridge's tests, on {@code http://127.0.0.1:<port>/realms/test}: a realm
 * key (RSA-2048, one per JVM), its JWK set at {@code /realms/test/protocol/openid-connect/certs} as
 * Keycloak publishes it, and the page the bridge sends the browser back to
 * ({@code /realms/test/login-actions/card}). Hand-off requests are signed with {@code jpki}'s
 * {@link HandoffRequest#builder()} and {@link HandoffSigner#fromPrivateKey}; requests the builder refuses
 * to make (a foreign return URI, no signature) are made by hand.
 */
public final class TestIdentityProvider implements AutoCloseable {
    public static final String CLIENT_ID = "mirai-bank";
    public static final String CLIENT_NAME = "みらい銀行";
    private static final String REALM = "/realms/test";
    private static final String KEY_ID = "test-realm-rs256";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static KeyPair realmKey;

    private final HttpServer server;
    private final AtomicInteger keySetFetches = new AtomicInteger();
    private final String issuer;

    private TestIdentityProvider(HttpServer server) {
        this.server = server;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
    }

    /** Starts one on a free port of 127.0.0.1. */
    public static TestIdentityProvider start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 8);
            TestIdentityProvider idp = new TestIdentityProvider(server);
            String keySet = new JWKSet(new RSAKey.Builder((RSAPublicKey) key().getPublic())
                    .keyID(KEY_ID).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build()).toString();
            server.createContext(REALM + "/protocol/openid-connect/certs", exchange -> {
                idp.keySetFetches.incrementAndGet();
                respond(exchange, "application/json", keySet);
            });
            server.createContext(REALM + "/login-actions/card", exchange -> respond(exchange, "text/html; charset=utf-8",
                    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Back at the identity provider"
                            + "</title></head><body><h1 id=\"returned\">Back at the identity provider</h1></body></html>"));
            server.start();
            return idp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized KeyPair key() {
        if (realmKey == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                realmKey = generator.generateKeyPair();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }
        return realmKey;
    }

    private static void respond(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** @return the realm issuer URL, {@code http://127.0.0.1:<port>/realms/test} */
    public String issuer() {
        return issuer;
    }

    /** @return the realm's JWK set URL */
    public URI jwksUri() {
        return URI.create(issuer + "/protocol/openid-connect/certs");
    }

    /** @return where the bridge sends the browser back: on the issuer's origin */
    public URI returnUri() {
        return URI.create(issuer + "/login-actions/card");
    }

    /** @return how often the bridge fetched the JWK set */
    public int keySetFetches() {
        return keySetFetches.get();
    }

    /** A verifier of the bridge that allows this identity provider (over http on loopback: the demo switch). */
    public HandoffRequestVerifier.Builder verifier() {
        return HandoffRequestVerifier.builder().allowIssuer(issuer, jwksUri()).allowHttpOnLoopback();
    }

    /** A hand-off of {@code purpose} for the test client, with a fresh nonce; claims for share are the caller's. */
    public HandoffRequestBuilder handoff(Purpose purpose) {
        return HandoffRequest.builder()
                .issuer(issuer)
                .nonce(nonce())
                .purpose(purpose)
                .returnUri(returnUri())
                .clientId(CLIENT_ID)
                .clientName(CLIENT_NAME);
    }

    /** A signed {@code auth} hand-off. */
    public String auth() {
        return sign(handoff(Purpose.AUTH));
    }

    /** A signed {@code share} hand-off asking for {@code claims}. */
    public String share(ClaimName... claims) {
        return sign(handoff(Purpose.SHARE).claims(List.of(claims)));
    }

    /** Signs with the realm key, as Keycloak's card authenticator would. */
    public String sign(HandoffRequestBuilder builder) {
        try {
            return builder.sign(HandoffSigner.fromPrivateKey(key().getPrivate(), HandoffRequest.RS256, KEY_ID));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A hand-off made by hand and signed with the realm key, for requests the builder refuses to make.
     * The payload is a valid auth request apart from what {@code returnUri} changes.
     */
    public String signAuthByHand(URI returnUri) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(HandoffRequest.AUDIENCE)
                .jwtID(nonce())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(120)))
                .claim(HandoffRequest.CLAIM_NONCE, nonce())
                .claim(HandoffRequest.CLAIM_PURPOSE, Purpose.AUTH.value())
                .claim(HandoffRequest.CLAIM_RETURN_URI, returnUri.toString())
                .claim(HandoffRequest.CLAIM_CLIENT_ID, CLIENT_ID)
                .claim(HandoffRequest.CLAIM_CLIENT_NAME, CLIENT_NAME)
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .type(new JOSEObjectType(HandoffRequest.TYPE)).keyID(KEY_ID).build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) key().getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A valid auth hand-off with its signature replaced by {@code alg: none} and no signature. */
    public String unsigned() {
        String[] parts = auth().split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"alg\":\"none\",\"typ\":\"" + HandoffRequest.TYPE + "\",\"kid\":\"" + KEY_ID + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    /** A fresh nonce: 256 random bits, base64url. */
    public static String nonce() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
