package io.mynagate.jpki.bench;

import io.mynagate.jpki.assertion.AssertionVerifier;
import io.mynagate.jpki.assertion.CardAssertion;
import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.assertion.VerifiedAssertion;
import io.mynagate.jpki.identity.CertificateIdKey;
import io.mynagate.jpki.login.LoginExpectations;
import io.mynagate.jpki.login.LoginVerifier;
import io.mynagate.jpki.login.VerifiedLogin;
import io.mynagate.jpki.testing.StubOcspResponder;
import io.mynagate.jpki.testing.TestPki;
import io.mynagate.jpki.validation.CertificateValidator;
import io.mynagate.jpki.validation.RequiredProfile;
import io.mynagate.jpki.validation.RevocationSources;
import io.mynagate.jpki.validation.ValidationResult;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the identity provider does per card login, against the floor of one RSA-2048 verification:
 * <ul>
 *   <li>{@link #bareRsa2048Verify}: {@code SHA256withRSA} verification of an assertion's signing input;</li>
 *   <li>{@link #assertionVerify}: {@link AssertionVerifier} (Nimbus; parse, header and claim checks, RS256);</li>
 *   <li>{@link #pathValidationCachedRevocation}: parsing the certificate and {@link CertificateValidator}
 *       with a cached OCSP answer;</li>
 *   <li>{@link #assertionAndPathValidation}: both, called one after the other;</li>
 *   <li>{@link #composedLoginVerify}: the identity provider's one call, {@link LoginVerifier}: assertion,
 *       purpose bound to the certificate kind, path, cached revocation, keyed certificate id: the per-login cost;</li>
 *   <li>group {@code paired}: {@link #pairedBareRsa2048Verify} and {@link #pairedLogin} on two threads at
 *       the same time, so both see the same machine load; on a shared, noisy machine their ratio is steadier
 *       than that of benchmarks run one after the other.</li>
 * </ul>
 *
 * <p>The benchmarks cycle through {@value #CARDS} distinct cards. With one card the JDK would return
 * its cached {@code X509Certificate} for the same DER (the {@code CertificateFactory} cache holds 750) and
 * that instance remembers its verified signature, so PKIX would skip its RSA verification: a figure for a
 * resident logging in again, not for a login.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VerifyBenchmark {
    static final int CARDS = 1024;
    private static final String AUDIENCE = "https://idp.example.test/realms/myna";
    private static final String NONCE = "bench-nonce-0123456789abcdef0123456789abcdef";
    private static final URI OCSP = URI.create("http://ocsp.example.test/");

    private AssertionVerifier assertionVerifier;
    private CertificateValidator validator;
    private LoginVerifier loginVerifier;
    private LoginExpectations expectations;
    private CertificateFactory certificateFactory;
    private PublicKey cardKey;
    private final String[] assertions = new String[CARDS];
    private final byte[][] certificates = new byte[CARDS][];
    private final byte[][] signingInputs = new byte[CARDS][];
    private final byte[][] signatures = new byte[CARDS][];
    private int next;

    /** Each thread's position in the card list (the paired group runs two threads). */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        int nextCard() {
            int card = next;
            next = (card + 1) % CARDS;
            return card;
        }
    }

    /** Builds the PKI, signed assertions of distinct cards and a validator whose revocation cache is primed. */
    @Setup
    public void setUp() throws Exception {
        TestPki.Issued root = TestPki.root().rootOrganization("JPKI", "JPKI for user authentication").issue();
        KeyPair cardKeys = TestPki.rsaKeyPair();
        cardKey = cardKeys.getPublic();
        certificateFactory = CertificateFactory.getInstance("X.509");
        // The clock is fixed so iat stays within the skew however long the run takes.
        Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        assertionVerifier = AssertionVerifier.builder().audience(AUDIENCE).clock(clock).build();
        StubOcspResponder responder =
                StubOcspResponder.signedBy(root).updates(Duration.ofMinutes(-1), Duration.ofHours(6));
        validator = CertificateValidator.builder().trustAnchor(root.certificate())
                .profile(RequiredProfile.AUTHENTICATION)
                .revocationSource(RevocationSources.cached(
                        RevocationSources.ocsp().responderUrl(OCSP).transport(responder).build()))
                .build();

        loginVerifier = LoginVerifier.builder().trustAnchors(List.of(root.certificate()))
                .revocationSource(RevocationSources.cached(
                        RevocationSources.ocsp().responderUrl(OCSP).transport(responder).build()))
                .certificateIdKey(CertificateIdKey.of(new byte[32])).clock(clock).build();
        expectations = LoginExpectations.auth(AUDIENCE, NONCE);

        for (int i = 0; i < CARDS; i++) {
            X509Certificate card = TestPki.authenticationCertificate(root).keyPair(cardKeys).issue().certificate();
            certificates[i] = card.getEncoded();
            assertions[i] = CardAssertion.builder().audience(AUDIENCE).nonce(NONCE).purpose(Purpose.AUTH)
                    .certificate(card).clock(clock).sign(digestInfo -> rawSign(cardKeys.getPrivate(), digestInfo));
            String[] parts = assertions[i].split("\\.");
            signingInputs[i] = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
            signatures[i] = Base64.getUrlDecoder().decode(parts[2]);
            check(validator.validate(card, List.of(), Instant.now()));
        }
        for (int i = 0; i < CARDS; i++) {
            composedLoginVerify();
        }
        int requests = responder.requests();
        for (int i = 0; i < CARDS; i++) {
            pathValidationCachedRevocation();
            composedLoginVerify();
        }
        if (responder.requests() != requests || requests != 2 * CARDS || !bareRsa2048Verify()) {
            throw new IllegalStateException("revocation answers are not cached or the bare verification fails");
        }
    }

    /** The card's operation in software: PKCS#1 v1.5 over the given DigestInfo. */
    private static byte[] rawSign(PrivateKey key, byte[] digestInfo) {
        try {
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initSign(key);
            rsa.update(digestInfo);
            return rsa.sign();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ValidationResult check(ValidationResult result) {
        if (!result.isValid()) {
            throw new IllegalStateException("benchmark certificate does not validate: " + result);
        }
        return result;
    }

    private int nextCard() {
        int card = next;
        next = (card + 1) % CARDS;
        return card;
    }

    /** The floor: one RSA-2048 SHA256withRSA verification of a signing input. */
    @Benchmark
    public boolean bareRsa2048Verify() throws Exception {
        int card = nextCard();
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(cardKey);
        rsa.update(signingInputs[card]);
        return rsa.verify(signatures[card]);
    }

    /** Card assertion verification alone. */
    @Benchmark
    public VerifiedAssertion assertionVerify() throws Exception {
        return assertionVerifier.verify(assertions[nextCard()], NONCE, Purpose.AUTH);
    }

    /** Certificate parsing and validation, revocation answered from the cache. */
    @Benchmark
    public ValidationResult pathValidationCachedRevocation() throws Exception {
        X509Certificate certificate = (X509Certificate) certificateFactory.generateCertificate(
                new ByteArrayInputStream(certificates[nextCard()]));
        return check(validator.validate(certificate, List.of(), Instant.now()));
    }

    /** The per-login cost: assertion verification, then validation of its certificate. */
    @Benchmark
    public ValidationResult assertionAndPathValidation() throws Exception {
        VerifiedAssertion verified = assertionVerifier.verify(assertions[nextCard()], NONCE, Purpose.AUTH);
        return check(validator.validate(verified.certificate(), List.of(), Instant.now()));
    }

    /** The identity provider's one call per login, revocation answered from the cache. */
    @Benchmark
    public VerifiedLogin composedLoginVerify() throws Exception {
        return loginVerifier.verify(assertions[nextCard()], expectations);
    }

    /** The bare verification, running at the same time as {@link #pairedLogin}. */
    @Benchmark
    @Group("paired")
    @GroupThreads(1)
    public boolean pairedBareRsa2048Verify(Cursor cursor) throws Exception {
        int card = cursor.nextCard();
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(cardKey);
        rsa.update(signingInputs[card]);
        return rsa.verify(signatures[card]);
    }

    /** The composed login verification, running at the same time as {@link #pairedBareRsa2048Verify}. */
    @Benchmark
    @Group("paired")
    @GroupThreads(1)
    public VerifiedLogin pairedLogin(Cursor cursor) throws Exception {
        return loginVerifier.verify(assertions[cursor.nextCard()], expectations);
    }
}
