package io.mynagate.simulator.testing;

import io.mynagate.simulator.pki.CardRequest;
import io.mynagate.simulator.pki.IssuedCard;
import io.mynagate.simulator.pki.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One test PKI per JVM (RSA key generation is the slow part), plus cards issued from it. Each card
 * is issued fresh, so retry counters and revocation never leak between tests.
 */
public final class Fixtures {
    public static final String NAME = "山田太郎";
    public static final String ADDRESS = "東京都千代田区霞が関1-1";
    public static final LocalDate BIRTH = LocalDate.of(1990, 4, 1);
    public static final String PIN = "1234";
    public static final String PASSWORD = "ABC123";

    private static TestPki pki;

    private Fixtures() {}

    /** The shared PKI; its URLs point at two free ports found at creation. */
    public static synchronized TestPki pki() {
        if (pki == null) {
            try {
                Path dir = Files.createTempDirectory("card-simulator-pki");
                pki = TestPki.init(dir, "127.0.0.1", freePort(), freePort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pki;
    }

    /** A standard request: adult with a signature certificate, default PINs. */
    public static CardRequest adult() {
        return CardRequest.of(NAME, ADDRESS, BIRTH, 1);
    }

    private static final java.util.Map<String, IssuedCard> SHARED = new java.util.HashMap<>();

    /**
     * A card for {@code request}, issued once per JVM and shared (each {@code toSimulatedCard()} is
     * a fresh card with full retry counters). Do not revoke it; use {@link #issue} for that.
     */
    public static synchronized IssuedCard shared(String key, java.util.function.Supplier<CardRequest> request) {
        return SHARED.computeIfAbsent(key, k -> issue(request.get()));
    }

    /** The shared adult card. */
    public static IssuedCard adultCard() {
        return shared("adult", Fixtures::adult);
    }

    /** The shared card whose authentication PIN is blocked. */
    public static IssuedCard blockedCard() {
        return shared("blocked", () -> adult().withAuthPinBlocked());
    }

    /** The shared card of a resident under 15 (no signature certificate). */
    public static IssuedCard childCard() {
        return shared("child", () -> adult().withoutSignatureCertificate());
    }

    /** The shared Android smartphone token. */
    public static IssuedCard phoneToken() {
        return shared("phone", () -> adult().withTokenType(io.mynagate.simulator.card.TokenType.ANDROID));
    }

    /** Issues a card for {@code request} from the shared PKI. */
    public static IssuedCard issue(CardRequest request) {
        return pki().issue(request);
    }

    /** A port that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
