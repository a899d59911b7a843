package io.mynagate.jpki.assertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.JWSHeader;
import io.mynagate.jpki.Reason;
import io.mynagate.jpki.card.JpkiFiles;
import io.mynagate.jpki.profile.CertificateKind;
import io.mynagate.jpki.profile.UnrecognizedCertificateException;
import io.mynagate.jpki.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CardAssertionTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TestPki.Issued ROOT = TestPki.root().keyPair(TestPki.sharedKeyPair("root")).issue();
    private static final TestPki.Issued CARD = TestPki.authenticationCertificate(ROOT)
            .keyPair(TestPki.sharedKeyPair("auth")).issue();
    private static final TestPki.Issued SIGN_CARD = TestPki.signatureCertificate(ROOT)
            .keyPair(TestPki.sharedKeyPair("sign")).issue();
    private static final AssertionVerifier VERIFIER =
            AssertionVerifier.builder().audience(Forge.AUDIENCE).clock(CLOCK).build();

    /** A software key behind the Signer interface: PKCS#1 v1.5 over the given DigestInfo, like the card. */
    static Signer softwareSigner(PrivateKey key) {
        return digestInfo -> {
            try {
                Signature rsa = Signature.getInstance("NONEwithRSA");
                rsa.initSign(key);
                rsa.update(digestInfo);
                return rsa.sign();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static CardAssertion.Builder auth() {
        return CardAssertion.builder().audience(Forge.AUDIENCE).nonce(Forge.NONCE).clock(CLOCK)
                .purpose(Purpose.AUTH).certificate(CARD.certificate());
    }

    @Test
    void roundTripsAnAuthAssertion() throws Exception {
        String jws = auth().sign(softwareSigner(CARD.privateKey()));

        VerifiedAssertion verified = VERIFIER.verify(jws, Forge.NONCE, Purpose.AUTH);
        assertThat(verified.certificate()).isEqualTo(CARD.certificate());
        assertThat(verified.purpose()).isEqualTo(Purpose.AUTH);
        assertThat(verified.issuedAt()).isEqualTo(NOW);
        assertThat(verified.audience()).isEqualTo(Forge.AUDIENCE);
        assertThat(verified.approvedClaims()).isEmpty();
        assertThat(verified.clientId()).isEmpty();
    }

    @Test
    void roundTripsAShareAssertionWithApprovedClaims() throws Exception {
        String jws = CardAssertion.builder().audience(Forge.AUDIENCE).nonce(Forge.NONCE).clock(CLOCK)
                .purpose(Purpose.SHARE).approvedClaims(List.of("name", "age_over_18")).clientId("bank")
                .certificate(SIGN_CARD.certificate())
                .sign(softwareSigner(SIGN_CARD.privateKey()));

        VerifiedAssertion verified = VERIFIER.verify(jws, Forge.NONCE, Purpose.SHARE);
        assertThat(verified.approvedClaims()).containsExactly("name", "age_over_18");
        assertThat(verified.clientId()).hasValue("bank");
    }

    @Test
    void writesTheDesignedHeaderAndPayload() throws Exception {
        SignedJWT jwt = SignedJWT.parse(auth().sign(softwareSigner(CARD.privateKey())));

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("jpki-assertion+jwt"));
        assertThat(jwt.getHeader().getX509CertChain()).hasSize(1);
        assertThat(jwt.getHeader().getX509CertChain().get(0).decode()).isEqualTo(CARD.certificate().getEncoded());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly(Forge.AUDIENCE);
        assertThat(claims.getStringClaim("nonce")).isEqualTo(Forge.NONCE);
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(NOW));
        assertThat(claims.getStringClaim("purpose")).isEqualTo("auth");
        assertThat(claims.getClaims()).containsOnlyKeys("aud", "nonce", "iat", "purpose");
    }

    @Test
    void digestInfoSignatureIsExactlyNimbusRs256() throws Exception {
        String jws = auth().sign(softwareSigner(CARD.privateKey()));
        JWSObject parsed = JWSObject.parse(jws);

        // Nimbus signs the same signing input with RS256 itself: PKCS#1 v1.5 is deterministic, so equal bytes.
        JWSObject nimbus = new JWSObject(parsed.getHeader(), parsed.getPayload());
        nimbus.sign(new RSASSASigner(CARD.privateKey()));
        assertThat(nimbus.getSignature()).isEqualTo(parsed.getSignature());
        assertThat(parsed.verify(new RSASSAVerifier((RSAPublicKey) CARD.certificate().getPublicKey()))).isTrue();
    }

    @Test
    void verifiesAnAssertionMadeIndependentlyWithNimbus() throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("jpki-assertion+jwt"))
                .x509CertChain(List.of(Base64.encode(CARD.certificate().getEncoded()))).build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().audience(Forge.AUDIENCE).claim("nonce", Forge.NONCE)
                .issueTime(Date.from(NOW)).claim("purpose", "auth").build();
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new RSASSASigner(CARD.privateKey()));

        assertThat(VERIFIER.verify(jwt.serialize(), Forge.NONCE, Purpose.AUTH).certificate())
                .isEqualTo(CARD.certificate());
    }

    @Test
    void signerIsGivenTheSha256DigestInfoOfTheSigningInput() throws Exception {
        byte[][] seen = new byte[1][];
        Signer recording = digestInfo -> {
            seen[0] = digestInfo.clone();
            return softwareSigner(CARD.privateKey()).sign(digestInfo);
        };
        String jws = auth().sign(recording);
        String signingInput = jws.substring(0, jws.lastIndexOf('.'));

        assertThat(seen[0]).isEqualTo(CardAssertion.digestInfo(signingInput.getBytes(StandardCharsets.US_ASCII)));
        assertThat(seen[0]).hasSize(51);
    }

    @Test
    void refusesSignatureByAKeyOtherThanTheCertificates() {
        assertThatThrownBy(() -> auth().sign(softwareSigner(SIGN_CARD.privateKey())))
                .isInstanceOf(AssertionSigningException.class);
    }

    @Test
    void requiresAudienceNonceAndPurpose() {
        assertThatThrownBy(() -> auth().audience(null).sign(softwareSigner(CARD.privateKey())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("audience");
        assertThatThrownBy(() -> auth().nonce("").sign(softwareSigner(CARD.privateKey())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nonce");
        assertThatThrownBy(() -> auth().purpose(null).sign(softwareSigner(CARD.privateKey())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("purpose");
    }

    @Test
    void requiresClientIdForShare() {
        assertThatThrownBy(() -> auth().purpose(Purpose.SHARE).approvedClaims(List.of("name"))
                        .sign(softwareSigner(CARD.privateKey())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("clientId");
    }

    @Test
    void refusesShareFieldsInAuthAssertion() {
        assertThatThrownBy(() -> auth().clientId("bank").sign(softwareSigner(CARD.privateKey())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("share fields");
    }

    @Test
    void signerGetsTheDigestInfoPrefixTheCardExpects() {
        byte[] info = CardAssertion.digestInfo("input".getBytes(StandardCharsets.US_ASCII));
        byte[] prefix = JpkiFiles.sha256DigestInfoPrefix();

        assertThat(info).hasSize(prefix.length + 32);
        assertThat(Arrays.copyOf(info, prefix.length)).isEqualTo(prefix);
    }

    @Test
    void refusesAuthAssertionWithTheSignatureCertificateBeforeSigning() {
        AtomicInteger calls = new AtomicInteger();
        Signer counting = digestInfo -> {
            calls.incrementAndGet();
            return softwareSigner(SIGN_CARD.privateKey()).sign(digestInfo);
        };

        assertThatThrownBy(() -> auth().certificate(SIGN_CARD.certificate()).sign(counting))
                .isInstanceOfSatisfying(CertificateKindMismatchException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE_KIND_MISMATCH);
                    assertThat(e.purpose()).isEqualTo(Purpose.AUTH);
                    assertThat(e.actual()).isEqualTo(CertificateKind.SIGNATURE);
                });
        assertThat(calls).hasValue(0);
    }

    @Test
    void refusesShareAssertionWithTheAuthenticationCertificateBeforeSigning() {
        AtomicInteger calls = new AtomicInteger();
        Signer counting = digestInfo -> {
            calls.incrementAndGet();
            return softwareSigner(CARD.privateKey()).sign(digestInfo);
        };

        assertThatThrownBy(() -> CardAssertion.builder().audience(Forge.AUDIENCE).nonce(Forge.NONCE).clock(CLOCK)
                        .purpose(Purpose.SHARE).approvedClaims(List.of("name")).clientId("bank")
                        .certificate(CARD.certificate()).sign(counting))
                .isInstanceOfSatisfying(CertificateKindMismatchException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE_KIND_MISMATCH);
                    assertThat(e.purpose()).isEqualTo(Purpose.SHARE);
                    assertThat(e.actual()).isEqualTo(CertificateKind.AUTHENTICATION);
                });
        assertThat(calls).hasValue(0);
    }

    @Test
    void refusesACertificateOfNeitherJpkiKind() {
        assertThatThrownBy(() -> auth().certificate(ROOT.certificate()).sign(softwareSigner(ROOT.privateKey())))
                .isInstanceOfSatisfying(UnrecognizedCertificateException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNRECOGNIZED_CERTIFICATE));
    }
}
