package io.mynagate.jpki.assertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.Base64URL;
import io.mynagate.jpki.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * The parts of the compact JWS are decoded as base64url and {@code x5c} as base64 by the JDK's strict
 * decoders (CompactJws). Nimbus's codec, used before, skipped characters outside the alphabet; these pin
 * that such input is now refused, each with the reason of the part it is in.
 */
class StrictDecodingTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final TestPki.Issued ROOT = TestPki.root().keyPair(TestPki.sharedKeyPair("root")).issue();
    private static final TestPki.Issued CARD = TestPki.authenticationCertificate(ROOT)
            .keyPair(TestPki.sharedKeyPair("auth")).issue();
    private static final AssertionVerifier VERIFIER = AssertionVerifier.builder().audience(Forge.AUDIENCE)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    private static AbstractThrowableAssert<?, ? extends Throwable> rejecting(String jws) {
        return assertThatThrownBy(() -> VERIFIER.verify(jws, Forge.NONCE, Purpose.AUTH));
    }

    /** Signs exactly the given text, so that only the decoding can refuse it. */
    private static String signRaw(String signingInput) throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(CARD.privateKey());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64URL.encode(rsa.sign());
    }

    private static String withStar(String part) {
        return part.substring(0, 8) + "*" + part.substring(8);
    }

    @Test
    void acceptsTheUnalteredAssertion() throws Exception {
        assertThat(VERIFIER.verify(Forge.auth(CARD, NOW).sign(), Forge.NONCE, Purpose.AUTH).certificate())
                .isEqualTo(CARD.certificate());
    }

    @Test
    void rejectsASignatureWithACharacterOutsideTheAlphabet() {
        rejecting(Forge.auth(CARD, NOW).sign() + "!").isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void rejectsASignedPayloadWithACharacterOutsideTheAlphabetAsMalformed() throws Exception {
        String[] parts = Forge.auth(CARD, NOW).signingInput().split("\\.");

        rejecting(signRaw(parts[0] + "." + withStar(parts[1]))).isInstanceOf(MalformedAssertionException.class);
    }

    @Test
    void rejectsASignedHeaderWithACharacterOutsideTheAlphabetAsMalformed() throws Exception {
        String[] parts = Forge.auth(CARD, NOW).signingInput().split("\\.");

        rejecting(signRaw(withStar(parts[0]) + "." + parts[1])).isInstanceOf(MalformedAssertionException.class);
    }

    @Test
    void rejectsX5cInTheBase64urlAlphabet() throws Exception {
        String urlAlphabet = Base64.getUrlEncoder().withoutPadding().encodeToString(CARD.certificate().getEncoded());
        assertThat(urlAlphabet).containsAnyOf("-", "_");

        rejecting(Forge.auth(CARD, NOW).header("x5c", List.of(urlAlphabet)).sign())
                .isInstanceOf(CertificateHeaderException.class);
    }

    @Test
    void rejectsX5cWithLineBreaks() throws Exception {
        String mime = Base64.getMimeEncoder().encodeToString(CARD.certificate().getEncoded());
        assertThat(mime).contains("\r\n");

        rejecting(Forge.auth(CARD, NOW).header("x5c", List.of(mime)).sign())
                .isInstanceOf(CertificateHeaderException.class);
    }
}
