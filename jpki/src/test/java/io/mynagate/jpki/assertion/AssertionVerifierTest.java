package io.mynagate.jpki.assertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import io.mynagate.jpki.testing.TestPki;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class AssertionVerifierTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final TestPki.Issued ROOT = TestPki.root().keyPair(TestPki.sharedKeyPair("root")).issue();
    private static final TestPki.Issued CARD = TestPki.authenticationCertificate(ROOT)
            .keyPair(TestPki.sharedKeyPair("auth")).issue();
    private static final TestPki.Issued OTHER_CARD = TestPki.authenticationCertificate(ROOT)
            .keyPair(TestPki.sharedKeyPair("sign")).issue();
    private static final AssertionVerifier VERIFIER = AssertionVerifier.builder().audience(Forge.AUDIENCE)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).maxSkew(Duration.ofSeconds(60)).build();

    private static Forge valid() {
        return Forge.auth(CARD, NOW);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> rejecting(String jws) {
        return assertThatThrownBy(() -> VERIFIER.verify(jws, Forge.NONCE, Purpose.AUTH));
    }

    private static Forge share() {
        return valid().claim("purpose", "share").claim("client_id", "bank").claim("approved_claims", List.of("name"));
    }

    @Test
    void acceptsAValidAuthAssertion() throws Exception {
        assertThat(VERIFIER.verify(valid().sign(), Forge.NONCE, Purpose.AUTH).certificate()).isEqualTo(CARD.certificate());
    }

    @Test
    void acceptsTypWithApplicationPrefixInAnyCase() throws Exception {
        String jws = valid().header("typ", "Application/JPKI-Assertion+JWT").sign();
        assertThat(VERIFIER.verify(jws, Forge.NONCE, Purpose.AUTH).purpose()).isEqualTo(Purpose.AUTH);
    }

    @Test
    void acceptsIssuedAtAtTheEdgeOfTheSkew() throws Exception {
        assertThat(VERIFIER.verify(valid().claim("iat", NOW.getEpochSecond() - 60).sign(), Forge.NONCE, Purpose.AUTH))
                .isNotNull();
    }

    // --- size and syntax

    @Test
    void rejectsOversizedAssertionBeforeParsing() {
        rejecting("x".repeat(AssertionVerifier.Builder.DEFAULT_MAX_SIZE + 1))
                .isInstanceOf(OversizedAssertionException.class);
    }

    @Test
    void rejectsMissingAssertion() {
        rejecting(null).isInstanceOf(MalformedAssertionException.class);
        rejecting("").isInstanceOf(MalformedAssertionException.class);
    }

    @Test
    void rejectsDeeplyNestedHeaderAsMalformed() {
        // Fits the size limit; must not exhaust the stack of the JSON parser.
        String header = "{\"alg\":\"RS256\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        String jws = Base64URL.encode(header) + "." + Base64URL.encode("{}") + ".AAAA";
        assertThat(jws.length()).isLessThan(AssertionVerifier.Builder.DEFAULT_MAX_SIZE);
        rejecting(jws).isInstanceOf(MalformedAssertionException.class);
    }

    @Test
    void rejectsGarbageAsMalformed() {
        rejecting("!!!.???.***").isInstanceOf(MalformedAssertionException.class);
        rejecting("...").isInstanceOf(MalformedAssertionException.class);
    }

    @Test
    void rejectsTwoPartToken() {
        String jws = valid().sign();
        rejecting(jws.substring(0, jws.lastIndexOf('.'))).isInstanceOf(MalformedAssertionException.class);
    }

    @Test
    void rejectsHeaderThatIsNotJson() {
        String jws = valid().sign();
        rejecting(Base64URL.encode("not json") + jws.substring(jws.indexOf('.')))
                .isInstanceOf(MalformedAssertionException.class);
    }

    @Test
    void rejectsPayloadThatIsNotJsonAfterTheSignatureCheck() {
        Forge forge = valid();
        String input = forge.signingInput();
        String header = input.substring(0, input.indexOf('.'));
        // Correctly signed garbage: only the payload parse can catch it.
        String jws = signRaw(header + "." + Base64URL.encode("[1,2]"));
        rejecting(jws).isInstanceOf(MalformedAssertionException.class);
    }

    @Test
    void rejectsIssuedAtThatIsNotANumber() {
        rejecting(valid().claim("iat", "yesterday").sign()).isInstanceOf(MalformedAssertionException.class);
    }

    // --- algorithm, type and headers

    @Test
    void rejectsAlgNone() {
        String unsigned = valid().header("alg", "none").signingInput() + ".";
        rejecting(unsigned).isInstanceOf(DisallowedAlgorithmException.class);
    }

    @Test
    void rejectsHs256SignedWithThePublicKey() throws Exception {
        JWSObject hmac = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType(CardAssertion.TYPE))
                        .x509CertChain(List.of(com.nimbusds.jose.util.Base64.encode(CARD.certificate().getEncoded())))
                        .build(),
                new Payload(Map.<String, Object>of("aud", Forge.AUDIENCE, "nonce", Forge.NONCE,
                        "iat", NOW.getEpochSecond(), "purpose", "auth")));
        hmac.sign(new MACSigner(CARD.certificate().getPublicKey().getEncoded()));
        rejecting(hmac.serialize()).isInstanceOf(DisallowedAlgorithmException.class);
    }

    @Test
    void rejectsOtherRsaAlgorithms() {
        rejecting(valid().header("alg", "PS256").sign()).isInstanceOf(DisallowedAlgorithmException.class);
        rejecting(valid().header("alg", "RS512").sign()).isInstanceOf(DisallowedAlgorithmException.class);
        rejecting(valid().header("alg", "rs256").sign()).isInstanceOf(DisallowedAlgorithmException.class);
    }

    @Test
    void rejectsMissingAlg() {
        rejecting(valid().header("alg", null).sign()).isInstanceOf(DisallowedAlgorithmException.class);
    }

    @Test
    void rejectsWrongType() {
        rejecting(valid().header("typ", "JWT").sign()).isInstanceOf(WrongTypeException.class);
    }

    @Test
    void rejectsMissingType() {
        rejecting(valid().header("typ", null).sign()).isInstanceOf(WrongTypeException.class);
    }

    @Test
    void rejectsJkuHeader() {
        rejecting(valid().header("jku", "https://attacker.example/jwks").sign())
                .isInstanceOf(DisallowedHeaderException.class).hasMessageContaining("jku");
    }

    @Test
    void rejectsX5uHeader() {
        rejecting(valid().header("x5u", "https://attacker.example/cert.pem").sign())
                .isInstanceOf(DisallowedHeaderException.class).hasMessageContaining("x5u");
    }

    @Test
    void rejectsEmbeddedJwkHeader() {
        // An embedded key would let anyone sign; the key must come from the x5c certificate only.
        Map<String, Object> jwk = new com.nimbusds.jose.jwk.RSAKey.Builder(
                (java.security.interfaces.RSAPublicKey) OTHER_CARD.certificate().getPublicKey()).build().toJSONObject();
        rejecting(valid().header("jwk", jwk).signedBy(OTHER_CARD.privateKey()).sign())
                .isInstanceOf(DisallowedHeaderException.class).hasMessageContaining("jwk");
    }

    @Test
    void rejectsCritHeader() {
        rejecting(valid().header("crit", List.of("exp")).header("exp", 1).sign())
                .isInstanceOf(DisallowedHeaderException.class).hasMessageContaining("crit");
    }

    // --- certificate and key

    @Test
    void rejectsMissingX5c() {
        rejecting(valid().header("x5c", null).sign()).isInstanceOf(CertificateHeaderException.class);
    }

    @Test
    void rejectsTwoX5cCertificates() {
        rejecting(valid().header("x5c", List.of(Forge.x5c(CARD.certificate()), Forge.x5c(ROOT.certificate()))).sign())
                .isInstanceOf(CertificateHeaderException.class).hasMessageContaining("exactly one");
    }

    @Test
    void rejectsEmptyX5c() {
        rejecting(valid().header("x5c", List.of()).sign()).isInstanceOf(CertificateHeaderException.class);
    }

    @Test
    void rejectsX5cThatIsNoCertificate() {
        rejecting(valid().header("x5c", List.of("AAAA")).sign()).isInstanceOf(CertificateHeaderException.class);
    }

    @Test
    void rejectsRsa1024Certificate() {
        TestPki.Issued weak = TestPki.authenticationCertificate(ROOT).keyBits(1024).issue();
        rejecting(Forge.auth(weak, NOW).sign()).isInstanceOf(WeakKeyException.class);
    }

    // --- signature

    @Test
    void rejectsTamperedPayload() {
        String jws = valid().sign();
        String[] parts = jws.split("\\.");
        String tampered = valid().claim("nonce", "attacker").signingInput();
        rejecting(tampered.substring(0, tampered.length()) + "." + parts[2])
                .isInstanceOf(InvalidSignatureException.class).hasMessage("invalid signature");
    }

    @Test
    void rejectsSignatureByAnotherCardsKey() {
        rejecting(valid().signedBy(OTHER_CARD.privateKey()).sign()).isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void rejectsSwappedCertificate() {
        // Signed by CARD, but x5c names OTHER_CARD: the key comes from x5c, so the signature fails.
        rejecting(valid().header("x5c", List.of(Forge.x5c(OTHER_CARD.certificate()))).sign())
                .isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void rejectsEmptySignatureAsMalformed() {
        rejecting(valid().signingInput() + ".").isInstanceOf(MalformedAssertionException.class);
    }

    @Test
    void rejectsTruncatedSignature() {
        String jws = valid().sign();
        rejecting(jws.substring(0, jws.length() - 10)).isInstanceOf(InvalidSignatureException.class);
    }

    // --- claims

    @Test
    void rejectsForeignAudience() {
        rejecting(valid().claim("aud", "https://other.example.jp/realms/myna").sign())
                .isInstanceOf(AudienceMismatchException.class);
    }

    @Test
    void rejectsExtraAudience() {
        rejecting(valid().claim("aud", List.of(Forge.AUDIENCE, "https://other.example.jp")).sign())
                .isInstanceOf(AudienceMismatchException.class);
    }

    @Test
    void rejectsMissingAudience() {
        rejecting(valid().claim("aud", null).sign()).isInstanceOf(AudienceMismatchException.class);
    }

    @Test
    void rejectsForeignNonce() {
        rejecting(valid().claim("nonce", "n-0S6_WzA2Mk").sign())
                .isInstanceOf(NonceMismatchException.class).message().doesNotContain("n-0S6");
    }

    @Test
    void rejectsMissingNonce() {
        rejecting(valid().claim("nonce", null).sign()).isInstanceOf(NonceMismatchException.class);
    }

    @Test
    void rejectsNonceOfWrongJsonType() {
        rejecting(valid().claim("nonce", 12345).sign()).isInstanceOf(NonceMismatchException.class);
    }

    @Test
    void rejectsStaleIssuedAt() {
        rejecting(valid().claim("iat", NOW.getEpochSecond() - 61).sign()).isInstanceOf(IssuedAtOutOfRangeException.class);
    }

    @Test
    void rejectsFutureIssuedAt() {
        rejecting(valid().claim("iat", NOW.getEpochSecond() + 61).sign()).isInstanceOf(IssuedAtOutOfRangeException.class);
    }

    @Test
    void rejectsMissingIssuedAt() {
        rejecting(valid().claim("iat", null).sign()).isInstanceOf(IssuedAtOutOfRangeException.class);
    }

    @Test
    void rejectsShareAssertionWhereAuthIsExpected() {
        rejecting(share().sign()).isInstanceOf(PurposeMismatchException.class);
    }

    @Test
    void rejectsAuthAssertionWhereShareIsExpected() {
        assertThatThrownBy(() -> VERIFIER.verify(valid().sign(), Forge.NONCE, Purpose.SHARE))
                .isInstanceOf(PurposeMismatchException.class);
    }

    @Test
    void rejectsUnknownPurpose() {
        rejecting(valid().claim("purpose", "AUTH").sign()).isInstanceOf(PurposeMismatchException.class);
    }

    @Test
    void acceptsAValidShareAssertion() throws Exception {
        VerifiedAssertion verified = VERIFIER.verify(share().sign(), Forge.NONCE, Purpose.SHARE);
        assertThat(verified.approvedClaims()).containsExactly("name");
        assertThat(verified.clientId()).hasValue("bank");
    }

    @Test
    void rejectsShareAssertionWithoutClientId() {
        assertThatThrownBy(() -> VERIFIER.verify(share().claim("client_id", null).sign(), Forge.NONCE, Purpose.SHARE))
                .isInstanceOf(ShareFieldsException.class).hasMessageContaining("client_id");
    }

    @Test
    void rejectsShareAssertionWithoutApprovedClaims() {
        assertThatThrownBy(() -> VERIFIER.verify(share().claim("approved_claims", null).sign(), Forge.NONCE,
                        Purpose.SHARE))
                .isInstanceOf(ShareFieldsException.class);
    }

    @Test
    void rejectsShareAssertionWithDuplicateOrNonStringClaims() {
        assertThatThrownBy(() -> VERIFIER.verify(share().claim("approved_claims", List.of("name", "name")).sign(),
                        Forge.NONCE, Purpose.SHARE))
                .isInstanceOf(ShareFieldsException.class);
        assertThatThrownBy(() -> VERIFIER.verify(share().claim("approved_claims", List.of(1)).sign(),
                        Forge.NONCE, Purpose.SHARE))
                .isInstanceOf(ShareFieldsException.class);
    }

    @Test
    void rejectsAuthAssertionCarryingShareFields() {
        rejecting(valid().claim("client_id", "bank").sign()).isInstanceOf(ShareFieldsException.class);
    }

    // --- order and configuration

    @Test
    void judgesAlgorithmBeforeTheCertificate() {
        rejecting(valid().header("alg", "HS256").header("x5c", null).sign())
                .isInstanceOf(DisallowedAlgorithmException.class);
    }

    @Test
    void judgesSignatureBeforeClaims() {
        rejecting(valid().claim("aud", "https://other.example").signedBy(OTHER_CARD.privateKey()).sign())
                .isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void refusesToBuildWithoutAbsoluteAudience() {
        assertThatThrownBy(() -> AssertionVerifier.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AssertionVerifier.builder().audience("realms/myna").build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesToBuildWithExcessiveSkew() {
        assertThatThrownBy(() -> AssertionVerifier.builder().audience(Forge.AUDIENCE).maxSkew(Duration.ofHours(1)).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void honoursASmallerMaxSize() {
        AssertionVerifier small = AssertionVerifier.builder().audience(Forge.AUDIENCE)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).maxSize(1024).build();
        assertThatThrownBy(() -> small.verify(valid().sign(), Forge.NONCE, Purpose.AUTH))
                .isInstanceOf(OversizedAssertionException.class);
    }

    private static String signRaw(String signingInput) {
        try {
            java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
            rsa.initSign(CARD.privateKey());
            rsa.update(signingInput.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return signingInput + "." + Base64URL.encode(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
