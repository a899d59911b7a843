package io.mynagate.simulator.pki;

import io.mynagate.simulator.card.MyNumber;
import io.mynagate.simulator.card.TokenType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The test JPKI PKI living in one directory. {@link #init} creates two generations of roots per
 * family (same DN, different keys and validity), one delegated OCSP responder certificate per root,
 * and the settings (host and ports) that go into every certificate's AIA and CRL distribution point.
 * Thread-safe within one process; other processes (the CLI) may revoke while a server reads, since
 * every file is replaced atomically and status is re-read on each query.
 *
 * <p>Layout: {@code pki.properties}; {@code ca/<auth|sign>-g<n>.pem|.key}; {@code ca/ocsp-responder.key},
 * {@code ca/ocsp-<auth|sign>-g<n>.pem}; {@code status.properties}; {@code linkage.csv};
 * {@code cards/<id>/card.properties} with {@code <auth|sign>-<serial>.pem|.key}.
 */
public final class TestPki {
    /** Host put into the URLs of issued certificates unless told otherwise. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Default OCSP responder port. */
    public static final int DEFAULT_OCSP_PORT = 18480;
    /** Default CRL server port. */
    public static final int DEFAULT_CRL_PORT = 18481;
    /** Root generations created by {@link #init}; the newest issues new certificates. */
    public static final int GENERATIONS = 2;

    private static final Duration YEAR = Duration.ofDays(365);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final String host;
    private final int ocspPort;
    private final int crlPort;
    private final Map<CertKind, List<X509Certificate>> roots = new EnumMap<>(CertKind.class);
    private final Map<CertKind, List<X509Certificate>> responders = new EnumMap<>(CertKind.class);
    private final PrivateKey responderKey;

    private TestPki(Path dir) {
        this.dir = dir;
        Properties settings = PemFiles.readProperties(dir.resolve("pki.properties"));
        if (settings.isEmpty()) {
            throw new IllegalStateException("not a PKI directory (run 'pki init' first)");
        }
        this.host = setting(settings, "host");
        this.ocspPort = port(settings, "ocspPort");
        this.crlPort = port(settings, "crlPort");
        for (CertKind kind : CertKind.values()) {
            List<X509Certificate> kindRoots = new ArrayList<>();
            List<X509Certificate> kindResponders = new ArrayList<>();
            for (int generation = 1; generation <= GENERATIONS; generation++) {
                kindRoots.add(PemFiles.readCertificate(caFile(kind, generation, ".pem")));
                kindResponders.add(PemFiles.readCertificate(dir.resolve("ca").resolve(
                        "ocsp-" + kind.id() + "-g" + generation + ".pem")));
            }
            roots.put(kind, List.copyOf(kindRoots));
            responders.put(kind, List.copyOf(kindResponders));
        }
        this.responderKey = PemFiles.readPrivateKey(dir.resolve("ca").resolve("ocsp-responder.key"));
    }

    private static String setting(Properties settings, String name) {
        String value = settings.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("pki.properties is damaged: no " + name);
        }
        return value.trim();
    }

    private static int port(Properties settings, String name) {
        try {
            int port = Integer.parseInt(setting(settings, name));
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("pki.properties is damaged: " + name + " is not a port");
    }

    /**
     * Creates a new PKI in {@code dir} (which must not hold one yet).
     *
     * @param host     host name for the OCSP and CRL URLs in certificates
     * @param ocspPort port of the OCSP responder
     * @param crlPort  port of the CRL server
     * @throws IllegalStateException when {@code dir} already holds a PKI
     */
    public static TestPki init(Path dir, String host, int ocspPort, int crlPort) {
        Path settingsFile = dir.resolve("pki.properties");
        if (Files.exists(settingsFile)) {
            throw new IllegalStateException("a PKI already exists in this directory");
        }
        Instant now = Instant.now();
        KeyPair responderKeys = CertificateMaker.newKeyPair();
        PemFiles.writePrivateKey(dir.resolve("ca").resolve("ocsp-responder.key"), responderKeys.getPrivate());
        for (CertKind kind : CertKind.values()) {
            for (int generation = 1; generation <= GENERATIONS; generation++) {
                // Older generations started earlier; every root lives 10 years, like the real ones.
                Instant notBefore = now.minus(YEAR.multipliedBy(4L * (GENERATIONS - generation))).minus(Duration.ofDays(30));
                Instant notAfter = notBefore.plus(YEAR.multipliedBy(10));
                KeyPair keys = CertificateMaker.newKeyPair();
                X509Certificate root = CertificateMaker.root(kind, keys, notBefore, notAfter);
                PemFiles.writeCertificate(caFile(dir, kind, generation, ".pem"), root);
                PemFiles.writePrivateKey(caFile(dir, kind, generation, ".key"), keys.getPrivate());
                Instant responderEnd = min(notAfter, now.plus(YEAR.multipliedBy(2)));
                X509Certificate responder = CertificateMaker.responder(kind, generation, root, keys.getPrivate(),
                        responderKeys.getPublic(), now.minus(Duration.ofDays(1)), responderEnd);
                PemFiles.writeCertificate(dir.resolve("ca").resolve("ocsp-" + kind.id() + "-g" + generation + ".pem"),
                        responder);
            }
        }
        Properties settings = new Properties();
        settings.setProperty("host", host);
        settings.setProperty("ocspPort", Integer.toString(ocspPort));
        settings.setProperty("crlPort", Integer.toString(crlPort));
        PemFiles.writeProperties(settingsFile, settings, "card-simulator test PKI");
        return new TestPki(dir);
    }

    /** Opens an existing PKI directory. */
    public static TestPki open(Path dir) {
        return new TestPki(dir);
    }

    /** The directory holding the state. */
    public Path directory() {
        return dir;
    }

    /** Host of the revocation URLs. */
    public String host() {
        return host;
    }

    /** OCSP port baked into issued certificates. */
    public int ocspPort() {
        return ocspPort;
    }

    /** CRL port baked into issued certificates. */
    public int crlPort() {
        return crlPort;
    }

    /** The OCSP URL in every issued certificate's AIA. */
    public String ocspUrl() {
        return "http://" + host + ":" + ocspPort + "/ocsp";
    }

    /** The CRL URL of one root. */
    public String crlUrl(CertKind kind, int generation) {
        return "http://" + host + ":" + crlPort + "/crl/" + kind.id() + "-g" + generation + ".crl";
    }

    /** The root of a family and generation (1 = oldest). */
    public X509Certificate root(CertKind kind, int generation) {
        return roots.get(kind).get(generation - 1);
    }

    /** All roots of a family, oldest first. */
    public List<X509Certificate> roots(CertKind kind) {
        return roots.get(kind);
    }

    /** The delegated OCSP responder certificate for one root. */
    public X509Certificate responderCertificate(CertKind kind, int generation) {
        return responders.get(kind).get(generation - 1);
    }

    /** Key of every delegated responder certificate (one key, one certificate per root). */
    public PrivateKey responderKey() {
        return responderKey;
    }

    /** Private key of a root, for direct OCSP responses and CRL signing. */
    public PrivateKey rootKey(CertKind kind, int generation) {
        return PemFiles.readPrivateKey(caFile(kind, generation, ".key"));
    }

    /** Issues a card under the newest root generation. */
    public IssuedCard issue(CardRequest request) {
        return issue(request, GENERATIONS);
    }

    /**
     * Issues a card: new keys, an authentication certificate and (unless the request says no) a
     * signature certificate, a fake My Number; records the auth<->sign pairing.
     *
     * @param generation the root generation that signs, 1..{@link #GENERATIONS}
     */
    public synchronized IssuedCard issue(CardRequest request, int generation) {
        if (generation < 1 || generation > GENERATIONS) {
            throw new IllegalArgumentException("generation must be 1.." + GENERATIONS);
        }
        String id = "card-" + HexFormat.of().formatHex(randomBytes(4));
        Properties card = new Properties();
        card.setProperty("name", request.name());
        card.setProperty("address", request.address());
        card.setProperty("birth", request.birth().toString());
        card.setProperty("sex", Integer.toString(request.sex()));
        card.setProperty("pin", request.pin());
        card.setProperty("signaturePassword", request.signaturePassword());
        card.setProperty("signatureCertificate", Boolean.toString(request.signatureCertificate()));
        card.setProperty("tokenType", request.tokenType().name());
        card.setProperty("authPinBlocked", Boolean.toString(request.authPinBlocked()));
        card.setProperty("myNumber", MyNumber.random());
        writeCertificates(id, card, request, generation);
        IssuedCard issued = card(id);
        issued.signatureCertificate().ifPresent(sign -> appendLinkage(new Linkage(Linkage.Type.AUTH_SIGN_PAIR,
                issued.authCertificate().getSerialNumber(), sign.getSerialNumber(), id, Instant.now())));
        return issued;
    }

    /** Loads a card by id. */
    public synchronized IssuedCard card(String id) {
        Path cardDir = cardDir(id);
        Properties card = PemFiles.readProperties(cardDir.resolve("card.properties"));
        if (card.isEmpty()) {
            throw new IllegalArgumentException("no such card: " + id);
        }
        CardRequest request = requestOf(card);
        int authGeneration = Integer.parseInt(card.getProperty("authGeneration"));
        String authSerial = card.getProperty("authSerial");
        X509Certificate signCert = null;
        PrivateKey signKey = null;
        X509Certificate signCa = null;
        if (request.signatureCertificate()) {
            String signSerial = card.getProperty("signSerial");
            signCert = PemFiles.readCertificate(cardDir.resolve("sign-" + signSerial + ".pem"));
            signKey = PemFiles.readPrivateKey(cardDir.resolve("sign-" + signSerial + ".key"));
            signCa = root(CertKind.SIGN, Integer.parseInt(card.getProperty("signGeneration")));
        }
        return new IssuedCard(id, request, card.getProperty("myNumber"),
                PemFiles.readCertificate(cardDir.resolve("auth-" + authSerial + ".pem")),
                PemFiles.readPrivateKey(cardDir.resolve("auth-" + authSerial + ".key")),
                root(CertKind.AUTH, authGeneration), signCert, signKey, signCa);
    }

    /** Ids of all issued cards, sorted. */
    public List<String> cardIds() {
        Path cards = dir.resolve("cards");
        if (!Files.isDirectory(cards)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(cards)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Revokes the card's current certificates (both, or only one family when {@code only} is set). */
    public synchronized void revoke(String cardId, RevocationReason reason, CertKind only) {
        IssuedCard card = card(cardId);
        if (only == null || only == CertKind.AUTH) {
            statusStore().revoke(card.authCertificate().getSerialNumber(), reason, Instant.now());
        }
        if (only == null || only == CertKind.SIGN) {
            card.signatureCertificate().ifPresent(
                    cert -> statusStore().revoke(cert.getSerialNumber(), reason, Instant.now()));
        }
    }

    /**
     * Renews a card: new keys and certificates for the same resident under the newest root, old
     * certificates revoked as superseded, linkage records old -> new.
     *
     * @return the card with its new certificates (same id)
     */
    public synchronized IssuedCard renew(String cardId) {
        IssuedCard old = card(cardId);
        Properties card = PemFiles.readProperties(cardDir(cardId).resolve("card.properties"));
        writeCertificates(cardId, card, old.request(), GENERATIONS);
        IssuedCard renewed = card(cardId);
        Instant now = Instant.now();
        supersede(old.authCertificate(), renewed.authCertificate(), Linkage.Type.RENEWAL_AUTH, cardId, now);
        if (old.signatureCertificate().isPresent() && renewed.signatureCertificate().isPresent()) {
            supersede(old.signatureCertificate().get(), renewed.signatureCertificate().get(), Linkage.Type.RENEWAL_SIGN,
                    cardId, now);
            appendLinkage(new Linkage(Linkage.Type.AUTH_SIGN_PAIR, renewed.authCertificate().getSerialNumber(),
                    renewed.signatureCertificate().get().getSerialNumber(), cardId, now));
        }
        return renewed;
    }

    /** Every linkage record, oldest first. */
    public List<Linkage> linkages() {
        Path file = dir.resolve("linkage.csv");
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("type,"))
                    .map(line -> line.split(","))
                    .map(f -> new Linkage(Linkage.Type.valueOf(f[0]), new BigInteger(f[1], 16), new BigInteger(f[2], 16),
                            f[3], Instant.parse(f[4])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Status of a serial under one root, as OCSP and the CRL report it. */
    public CertificateStatus status(CertKind kind, int generation, BigInteger serial) {
        return statusStore().status(kind, generation, serial);
    }

    /** Revoked serials under one root with their status, for the CRL. */
    public Map<BigInteger, CertificateStatus> revoked(CertKind kind, int generation) {
        return statusStore().revoked(kind, generation);
    }

    private void supersede(X509Certificate old, X509Certificate renewed, Linkage.Type type, String cardId, Instant now) {
        statusStore().revoke(old.getSerialNumber(), RevocationReason.SUPERSEDED, now);
        appendLinkage(new Linkage(type, old.getSerialNumber(), renewed.getSerialNumber(), cardId, now));
    }

    private void writeCertificates(String id, Properties card, CardRequest request, int generation) {
        Path cardDir = cardDir(id);
        Resident resident = new Resident(request.name(), request.address(), request.birth(), request.sex());
        Instant now = Instant.now();
        Instant notBefore = now.minus(Duration.ofHours(1));
        Instant fifthBirthday = resident.fifthBirthdayAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))
                .atStartOfDay(ZoneOffset.UTC).toInstant();

        X509Certificate authRoot = root(CertKind.AUTH, generation);
        KeyPair authKeys = CertificateMaker.newKeyPair();
        X509Certificate auth = CertificateMaker.authentication(authRoot, rootKey(CertKind.AUTH, generation),
                authKeys.getPublic(), opaqueId(), notBefore, min(fifthBirthday, authRoot.getNotAfter().toInstant()),
                ocspUrl(), crlUrl(CertKind.AUTH, generation));
        String authSerial = hex(auth.getSerialNumber());
        PemFiles.writeCertificate(cardDir.resolve("auth-" + authSerial + ".pem"), auth);
        PemFiles.writePrivateKey(cardDir.resolve("auth-" + authSerial + ".key"), authKeys.getPrivate());
        card.setProperty("authSerial", authSerial);
        card.setProperty("authGeneration", Integer.toString(generation));
        statusStore().add(auth.getSerialNumber(), CertKind.AUTH, generation, id);

        if (request.signatureCertificate()) {
            X509Certificate signRoot = root(CertKind.SIGN, generation);
            KeyPair signKeys = CertificateMaker.newKeyPair();
            X509Certificate sign = CertificateMaker.signature(signRoot, rootKey(CertKind.SIGN, generation),
                    signKeys.getPublic(), opaqueId(), resident, notBefore,
                    min(fifthBirthday, signRoot.getNotAfter().toInstant()), ocspUrl(),
                    crlUrl(CertKind.SIGN, generation));
            String signSerial = hex(sign.getSerialNumber());
            PemFiles.writeCertificate(cardDir.resolve("sign-" + signSerial + ".pem"), sign);
            PemFiles.writePrivateKey(cardDir.resolve("sign-" + signSerial + ".key"), signKeys.getPrivate());
            card.setProperty("signSerial", signSerial);
            card.setProperty("signGeneration", Integer.toString(generation));
            statusStore().add(sign.getSerialNumber(), CertKind.SIGN, generation, id);
        }
        PemFiles.writeProperties(cardDir.resolve("card.properties"), card, "card-simulator card (test data)");
    }

    private static CardRequest requestOf(Properties card) {
        return new CardRequest(card.getProperty("name"), card.getProperty("address"),
                LocalDate.parse(card.getProperty("birth")), Integer.parseInt(card.getProperty("sex")),
                card.getProperty("pin"), card.getProperty("signaturePassword"),
                Boolean.parseBoolean(card.getProperty("signatureCertificate")),
                TokenType.valueOf(card.getProperty("tokenType")),
                Boolean.parseBoolean(card.getProperty("authPinBlocked")));
    }

    private void appendLinkage(Linkage linkage) {
        Path file = dir.resolve("linkage.csv");
        String line = linkage.type() + "," + hex(linkage.from()) + "," + hex(linkage.to()) + "," + linkage.cardId() + ","
                + linkage.at() + "\n";
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, "type,from_serial,to_serial,card_id,at\n", StandardCharsets.UTF_8);
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StatusStore statusStore() {
        return new StatusStore(dir.resolve("status.properties"));
    }

    private Path cardDir(String id) {
        if (!id.matches("card-[0-9a-f]{8}")) {
            throw new IllegalArgumentException("not a card id: " + id);
        }
        return dir.resolve("cards").resolve(id);
    }

    private Path caFile(CertKind kind, int generation, String suffix) {
        return caFile(dir, kind, generation, suffix);
    }

    private static Path caFile(Path dir, CertKind kind, int generation, String suffix) {
        return dir.resolve("ca").resolve(kind.id() + "-g" + generation + suffix);
    }

    /** An opaque issuance id for the CN: random, no personal data. */
    private static String opaqueId() {
        return HexFormat.of().withUpperCase().formatHex(randomBytes(12));
    }

    static String hex(BigInteger serial) {
        return serial.toString(16);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
