package io.mynagate.jpki.bench;

import io.mynagate.jpki.assertion.AssertionVerifier;
import io.mynagate.jpki.assertion.CardAssertion;
import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.assertion.VerifiedAssertion;
import io.mynagate.jpki.testing.StubOcspResponder;
import io.mynagate.jpki.testing.TestPki;
import io.mynagate.jpki.validation.CertificateValidator;
import io.mynagate.jpki.validation.RequiredProfile;
import io.mynagate.jpki.validation.RevocationSources;
import io.mynagate.jpki.validation.ValidationResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the identity provider does per card login, against the floor of one RSA-2048 verification:
 * <ul>
 *   <li>{@link #bareRsa2048Verify}: {@code SHA256withRSA} verification of the assertion's signing input;</li>
 *   <li>{@link #assertionVerify}: {@link AssertionVerifier} (Nimbus; parse, header and claim checks, RS256);</li>
 *   <li>{@link #pathValidationCachedRevocation}: {@link CertificateValidator} with a cached OCSP answer;</li>
 *   <li>{@link #assertionAndPathValidation}: both, the per-login cost.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VerifyBenchmark {
    private static final String AUDIENCE = "https://idp.example.test/realms/myna";
    private static final String NONCE = "bench-nonce-0123456789abcdef0123456789abcdef";

    private AssertionVerifier assertionVerifier;
    private CertificateValidator validator;
    private String assertion;
    private TestPki.Issued card;
    private PublicKey cardKey;
    private byte[] signingInput;
    private byte[] signature;

    /** Builds the PKI, a signed assertion and a validator whose revocation cache is primed. */
    @Setup
    public void setUp() throws Exception {
        TestPki.Issued root = TestPki.root().rootOrganization("JPKI", "JPKI for user authentication").issue();
        card = TestPki.authenticationCertificate(root).ocspUrl("http://ocsp.example.test/").issue();
        cardKey = card.certificate().getPublicKey();
        // The clock is fixed so iat stays within the skew however long the run takes.
        Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        assertion = CardAssertion.builder().audience(AUDIENCE).nonce(NONCE).purpose(Purpose.AUTH)
                .certificate(card.certificate()).clock(clock).sign(digestInfo -> rawSign(card.privateKey(), digestInfo));
        assertionVerifier = AssertionVerifier.builder().audience(AUDIENCE).clock(clock).build();

        StubOcspResponder responder = StubOcspResponder.signedBy(root).updates(Duration.ofMinutes(-1), Duration.ofHours(6));
        validator = CertificateValidator.builder().trustAnchor(root.certificate())
                .profile(RequiredProfile.AUTHENTICATION)
                .revocationSource(RevocationSources.cached(RevocationSources.ocsp()
                        .responderUrl(URI.create("http://ocsp.example.test/")).transport(responder).build()))
                .build();
        check(validator.validate(card.certificate(), List.of(), Instant.now()));
        check(validator.validate(card.certificate(), List.of(), Instant.now()));
        if (responder.requests() != 1) {
            throw new IllegalStateException("revocation result is not cached");
        }

        String[] parts = assertion.split("\\.");
        signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        signature = Base64.getUrlDecoder().decode(parts[2]);
        if (!bareRsa2048Verify()) {
            throw new IllegalStateException("bare verification fails");
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

    /** The floor: one RSA-2048 SHA256withRSA verification of the same signing input. */
    @Benchmark
    public boolean bareRsa2048Verify() throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(cardKey);
        rsa.update(signingInput);
        return rsa.verify(signature);
    }

    /** Card assertion verification alone. */
    @Benchmark
    public VerifiedAssertion assertionVerify() throws Exception {
        return assertionVerifier.verify(assertion, NONCE, Purpose.AUTH);
    }

    /** Certificate validation alone, revocation answered from the cache. */
    @Benchmark
    public ValidationResult pathValidationCachedRevocation() {
        return check(validator.validate(card.certificate(), List.of(), Instant.now()));
    }

    /** The per-login cost: assertion verification, then validation of its certificate. */
    @Benchmark
    public ValidationResult assertionAndPathValidation() throws Exception {
        VerifiedAssertion verified = assertionVerifier.verify(assertion, NONCE, Purpose.AUTH);
        return check(validator.validate(verified.certificate(), List.of(), Instant.now()));
    }
}
