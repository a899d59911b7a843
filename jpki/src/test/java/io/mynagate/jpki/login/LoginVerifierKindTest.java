package io.mynagate.jpki.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.Reason;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import io.mynagate.jpki.assertion.CardAssertion;
import io.mynagate.jpki.assertion.CertificateKindMismatchException;
import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.assertion.Signer;
import io.mynagate.jpki.identity.CertificateIdKey;
import io.mynagate.jpki.profile.CertificateKind;
import io.mynagate.jpki.profile.UnrecognizedCertificateException;
import io.mynagate.jpki.testing.TestPki;
import io.mynagate.jpki.validation.CertificateValidationException;
import io.mynagate.jpki.validation.CrlEvidence;
import io.mynagate.jpki.validation.RevocationSource;
import io.mynagate.jpki.validation.RevocationStatus;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Date;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

/**
 * The purpose bound to the certificate kind (LoginVerifier step 2). For {@code auth} the kind is judged
 * by the validator's profile step and classified again only when validation fails: these pin that every
 * certificate refused before is refused for the same reason, before any revocation lookup.
 */
class LoginVerifierKindTest {
    private static final String AUDIENCE = "https://idp.example.test/realms/myna";
    private static final String NONCE = "kind-test-nonce-0123456789abcdef";
    private static final Instant NOW = Instant.now();
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TestPki.Issued ROOT = TestPki.root().rootOrganization("JPKI", "JPKI for user authentication")
            .keyPair(TestPki.sharedKeyPair("login-root")).issue();

    private final AtomicInteger revocationLookups = new AtomicInteger();
    private final RevocationSource good = (certificate, issuer, at) -> {
        revocationLookups.incrementAndGet();
        return new RevocationStatus(RevocationStatus.State.GOOD, new CrlEvidence("CN=test CA", BigInteger.ONE,
                NOW.minus(Duration.ofMinutes(1)), NOW.plus(Duration.ofHours(1)), "test"));
    };
    private final LoginVerifier verifier = LoginVerifier.builder().trustAnchors(List.of(ROOT.certificate()))
            .revocationSource(good).certificateIdKey(CertificateIdKey.of(new byte[32])).clock(CLOCK).build();

    /**
     * An assertion made by hand, so that it may carry a certificate of any kind: jpki's builder refuses
     * the wrong kind, but a forged or broken bridge would not.
     */
    private static String assertion(TestPki.Issued card, Purpose purpose, String clientId, List<String> approved)
            throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType(CardAssertion.TYPE))
                .x509CertChain(List.of(com.nimbusds.jose.util.Base64.encode(card.certificate().getEncoded()))).build();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().audience(AUDIENCE).claim(CardAssertion.CLAIM_NONCE, NONCE)
                .claim(CardAssertion.CLAIM_PURPOSE, purpose.value()).issueTime(Date.from(NOW));
        if (purpose == Purpose.SHARE) {
            claims.claim(CardAssertion.CLAIM_CLIENT_ID, clientId).claim(CardAssertion.CLAIM_APPROVED_CLAIMS, approved);
        }
        String signingInput = header.toBase64URL() + "." + Base64URL.encode(claims.build().toString());
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(signingInput.getBytes(StandardCharsets.US_ASCII));
        byte[] digestInfo = new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE),
                hash).getEncoded();
        return signingInput + "." + Base64URL.encode(signer(card).sign(digestInfo));
    }

    private static String authAssertion(TestPki.Issued card) throws Exception {
        return assertion(card, Purpose.AUTH, null, List.of());
    }

    private static Signer signer(TestPki.Issued card) {
        return digestInfo -> {
            try {
                Signature rsa = Signature.getInstance("NONEwithRSA");
                rsa.initSign(card.privateKey());
                rsa.update(digestInfo);
                return rsa.sign();
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static LoginExpectations auth() {
        return LoginExpectations.auth(AUDIENCE, NONCE);
    }

    @Test
    void acceptsTheAuthenticationCertificateForAuthAndNamesItsKind() throws Exception {
        TestPki.Issued card = TestPki.authenticationCertificate(ROOT).keyPair(TestPki.sharedKeyPair("login-ee")).issue();

        VerifiedLogin login = verifier.verify(authAssertion(card), auth());

        assertThat(login.certificateKind()).isEqualTo(CertificateKind.AUTHENTICATION);
        assertThat(revocationLookups).hasValue(1);
    }

    @Test
    void rejectsTheSignatureCertificateForAuthAsKindMismatchWithoutARevocationLookup() throws Exception {
        TestPki.Issued card = TestPki.signatureCertificate(ROOT).keyPair(TestPki.sharedKeyPair("login-ee")).issue();
        String jws = authAssertion(card);

        assertThatThrownBy(() -> verifier.verify(jws, auth())).isInstanceOf(CertificateKindMismatchException.class)
                .extracting(e -> ((JpkiException) e).reason()).isEqualTo(Reason.CERTIFICATE_KIND_MISMATCH);
        assertThat(revocationLookups).hasValue(0);
    }

    @Test
    void rejectsACaCertificateForAuthAsUnrecognized() throws Exception {
        TestPki.Issued ca = TestPki.intermediate(ROOT).keyUsage(KeyUsage.keyCertSign | KeyUsage.digitalSignature)
                .keyPair(TestPki.sharedKeyPair("login-ee")).issue();
        String jws = authAssertion(ca);

        assertThatThrownBy(() -> verifier.verify(jws, auth())).isInstanceOf(UnrecognizedCertificateException.class)
                .extracting(e -> ((JpkiException) e).reason()).isEqualTo(Reason.UNRECOGNIZED_CERTIFICATE);
        assertThat(revocationLookups).hasValue(0);
    }

    @Test
    void judgesTheKindBeforeTheKeySizeOfASignatureCertificateForAuth() throws Exception {
        TestPki.Issued card = TestPki.signatureCertificate(ROOT).keyBits(3072).issue();
        String jws = authAssertion(card);

        assertThatThrownBy(() -> verifier.verify(jws, auth())).isInstanceOf(CertificateKindMismatchException.class)
                .extracting(e -> ((JpkiException) e).reason()).isEqualTo(Reason.CERTIFICATE_KIND_MISMATCH);
    }

    @Test
    void rejectsAnAuthenticationCertificateWithAnRsa3072KeyAsWrongKeyType() throws Exception {
        TestPki.Issued card = TestPki.authenticationCertificate(ROOT).keyBits(3072).issue();
        String jws = authAssertion(card);

        assertThatThrownBy(() -> verifier.verify(jws, auth())).isInstanceOf(CertificateValidationException.class)
                .extracting(e -> ((JpkiException) e).reason()).isEqualTo(Reason.WRONG_KEY_TYPE);
        assertThat(revocationLookups).hasValue(0);
    }

    @Test
    void rejectsTheAuthenticationCertificateForShareAsKindMismatchBeforeTheClientCheck() throws Exception {
        TestPki.Issued card = TestPki.authenticationCertificate(ROOT).keyPair(TestPki.sharedKeyPair("login-ee")).issue();
        String jws = assertion(card, Purpose.SHARE, "another-client", List.of("name"));

        assertThatThrownBy(() -> verifier.verify(jws,
                LoginExpectations.share(AUDIENCE, NONCE, "requesting-client", List.of("name"))))
                .isInstanceOf(CertificateKindMismatchException.class)
                .extracting(e -> ((JpkiException) e).reason()).isEqualTo(Reason.CERTIFICATE_KIND_MISMATCH);
        assertThat(revocationLookups).hasValue(0);
    }
}
