package io.mynagate.bridge.testing;

import io.mynagate.jpki.card.JpkiCardClient;
import io.mynagate.jpki.card.PinKind;
import io.mynagate.jpki.identity.CertificateIdKey;
import io.mynagate.jpki.login.LoginVerifier;
import io.mynagate.jpki.login.LoginVerifierBuilder;
import io.mynagate.simulator.card.SimulatedCard;
import io.mynagate.simulator.card.TokenType;
import io.mynagate.simulator.pki.CardRequest;
import io.mynagate.simulator.pki.CertKind;
import io.mynagate.simulator.pki.IssuedCard;
import io.mynagate.simulator.pki.TestPki;
import io.mynagate.simulator.smartcardio.VirtualCardProvider;
import io.mynagate.simulator.smartcardio.VirtualReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.smartcardio.Card;
import javax.smartcardio.TerminalFactory;

/**
 * The card simulator for the bridge's tests: one test PKI per JVM (RSA key generation is the slow part),
 * cards issued from it once and shared, each test with a fresh virtual card (full retry counters), and a
 * {@link LoginVerifier} that trusts the PKI's roots, the identity provider's side of every assertion.
 */
public final class SimulatedCards {
    /** The simulator's default PIN and signature password, as every card here is issued. */
    public static final String PIN = CardRequest.DEFAULT_PIN;
    public static final String PASSWORD = CardRequest.DEFAULT_SIGNATURE_PASSWORD;
    public static final String NAME = "山田太郎";
    public static final String ADDRESS = "東京都千代田区霞が関1-1";
    public static final LocalDate BIRTH = LocalDate.of(1990, 4, 1);

    private static TestPki pki;
    private static final Map<String, IssuedCard> ISSUED = new HashMap<>();

    private SimulatedCards() {}

    /** The shared PKI; its OCSP and CRL URLs point at two ports that were free at creation. */
    public static synchronized TestPki pki() {
        if (pki == null) {
            try {
                pki = TestPki.init(Files.createTempDirectory("card-bridge-pki"), "127.0.0.1", freePort(), freePort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pki;
    }

    /** An adult's card with both certificates. */
    public static IssuedCard adult() {
        return shared("adult", SimulatedCards::adultRequest);
    }

    /** A card whose authentication PIN is blocked. */
    public static IssuedCard blockedPin() {
        return shared("blocked", () -> adultRequest().withAuthPinBlocked());
    }

    /** A card of a resident under 15: no signature certificate. */
    public static IssuedCard child() {
        return shared("child", () -> adultRequest().withoutSignatureCertificate());
    }

    /** An Android smartphone token: the authentication certificate needs the PIN first. */
    public static IssuedCard android() {
        return shared("android", () -> adultRequest().withTokenType(TokenType.ANDROID));
    }

    /** The card's directory, as {@code card-simulator card issue} made it (PKI/cards/ID). */
    public static Path directory(IssuedCard card) {
        return pki().directory().resolve("cards").resolve(card.id());
    }

    private static CardRequest adultRequest() {
        return CardRequest.of(NAME, ADDRESS, BIRTH, 1);
    }

    private static synchronized IssuedCard shared(String key, Supplier<CardRequest> request) {
        return ISSUED.computeIfAbsent(key, k -> pki().issue(request.get()));
    }

    /**
     * Puts a fresh virtual card of {@code issued} into the simulator's shared in-process reader, the one
     * the provider {@value VirtualCardProvider#NAME} shows when it is chosen by name.
     *
     * @return the card, to look at its counters afterwards
     */
    public static SimulatedCard insert(IssuedCard issued) {
        SimulatedCard card = issued.toSimulatedCard();
        VirtualReader.shared().insert(card);
        return card;
    }

    /** Empties the shared reader. */
    public static void removeCard() {
        VirtualReader.shared().remove();
    }

    /**
     * The tries left of a PIN as the card itself counts them, read past the bridge through a reader of
     * its own (VERIFY without data, which spends none).
     */
    public static int triesLeft(SimulatedCard card, PinKind kind) throws Exception {
        TerminalFactory factory = TerminalFactory.getInstance(VirtualCardProvider.TYPE,
                VirtualReader.holding("Test Reader", card), new VirtualCardProvider());
        Card connection = factory.terminals().list().get(0).connect("*");
        try {
            return JpkiCardClient.open(connection.getBasicChannel()).triesLeft(kind);
        } finally {
            connection.disconnect(true);
        }
    }

    /**
     * Spends {@code tries} tries of a PIN with wrong PINs, past the bridge through a reader of its own (the
     * card's state for a test of the last try).
     */
    public static void spendTries(SimulatedCard card, PinKind kind, int tries) throws Exception {
        TerminalFactory factory = TerminalFactory.getInstance(VirtualCardProvider.TYPE,
                VirtualReader.holding("Test Reader", card), new VirtualCardProvider());
        Card connection = factory.terminals().list().get(0).connect("*");
        try {
            JpkiCardClient client = JpkiCardClient.open(connection.getBasicChannel());
            char[] wrong = (kind == PinKind.SIGNATURE ? "WRONG0" : "0000").toCharArray();
            for (int i = 0; i < tries; i++) {
                try {
                    client.verifyPin(kind, wrong);
                } catch (io.mynagate.jpki.card.WrongPinException | io.mynagate.jpki.card.PinBlockedException expected) {
                    // Each wrong PIN costs one try, which is the point.
                }
            }
        } finally {
            connection.disconnect(true);
        }
    }

    /**
     * A card that leaves the shared reader right after it accepted a PIN: the next command (selecting the
     * key to sign with) finds no card, as when a resident lifts the card between PIN entry and signature.
     */
    public static SimulatedCard removedAfterPin(SimulatedCard card) {
        return new SimulatedCard() {
            private boolean removed;

            @Override
            public byte[] atr() {
                return card.atr();
            }

            @Override
            public synchronized byte[] transmit(byte[] command) {
                byte[] response = card.transmit(command);
                boolean verifyWithPin = command.length > 5 && command[1] == 0x20;
                boolean accepted = response.length >= 2 && response[response.length - 2] == (byte) 0x90
                        && response[response.length - 1] == 0x00;
                if (!removed && verifyWithPin && accepted) {
                    removed = true;
                    VirtualReader.shared().remove();
                }
                return response;
            }

            @Override
            public void reset() {
                card.reset();
            }

            @Override
            public int myNumberReads() {
                return card.myNumberReads();
            }

            @Override
            public int signatures() {
                return card.signatures();
            }
        };
    }

    /** A verifier of the identity provider: the PKI's roots (test roots allowed), no revocation check. */
    public static LoginVerifier verifierWithoutRevocation() {
        return verifier().withoutRevocationChecking().build();
    }

    /** A verifier builder with the PKI's roots and test roots allowed; revocation is the caller's. */
    public static LoginVerifierBuilder verifier() {
        List<X509Certificate> roots = new ArrayList<>(pki().roots(CertKind.AUTH));
        roots.addAll(pki().roots(CertKind.SIGN));
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return LoginVerifier.builder().trustAnchors(roots).allowTestRoots().certificateIdKey(CertificateIdKey.of(secret));
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
