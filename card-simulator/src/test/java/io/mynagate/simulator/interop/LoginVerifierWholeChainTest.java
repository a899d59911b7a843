package io.mynagate.simulator.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.Reason;
import io.mynagate.jpki.assertion.CardAssertion;
import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.card.JpkiCardClient;
import io.mynagate.jpki.card.PinKind;
import io.mynagate.jpki.identity.CertificateIdKey;
import io.mynagate.jpki.login.LoginExpectations;
import io.mynagate.jpki.login.LoginVerifier;
import io.mynagate.jpki.login.LoginVerifierBuilder;
import io.mynagate.jpki.login.VerifiedLogin;
import io.mynagate.jpki.profile.CertificateKind;
import io.mynagate.jpki.validation.CertificateValidationException;
import io.mynagate.jpki.validation.RevocationSource;
import io.mynagate.jpki.validation.RevocationSources;
import io.mynagate.simulator.pki.CertKind;
import io.mynagate.simulator.pki.IssuedCard;
import io.mynagate.simulator.pki.RevocationReason;
import io.mynagate.simulator.pki.TestPki;
import io.mynagate.simulator.revocation.RevocationServices;
import io.mynagate.simulator.smartcardio.VirtualCardProvider;
import io.mynagate.simulator.testing.Fixtures;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Date;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The whole chain of a login, with nothing stubbed: the simulator's card in-process (javax.smartcardio)
 * signs a card assertion; jpki's {@link LoginVerifier} checks it, builds the path to the simulator's
 * roots and asks the simulator's OCSP responder or CRL server over HTTP.
 */
class LoginVerifierWholeChainTest {
    private static final String AUDIENCE = "https://idp.example/realms/myna";
    private static final String NONCE = "n-0S6_WzA2Mj-4fJ7gQbWkq3sX9vVhYc1tR5uE8iLpN";
    private static final String CLIENT = "bank";
    private static final CertificateIdKey ID_KEY = CertificateIdKey.of(new byte[32]);

    private static TestPki pki;
    private static RevocationServices services;
    private static IssuedCard adult;

    @BeforeAll
    static void start() throws Exception {
        pki = Fixtures.pki();
        services = RevocationServices.startAsConfigured(pki);
        adult = Fixtures.adultCard();
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    private static List<X509Certificate> roots() {
        List<X509Certificate> roots = new ArrayList<>(pki.roots(CertKind.AUTH));
        roots.addAll(pki.roots(CertKind.SIGN));
        return roots;
    }

    private static LoginVerifierBuilder verifier(RevocationSource revocation) {
        return LoginVerifier.builder().trustAnchors(roots()).revocationSource(revocation)
                .allowTestRoots().certificateIdKey(ID_KEY);
    }

    private static RevocationSource ocsp() {
        return RevocationSources.ocsp().build();
    }

    private static RevocationSource crl(IssuedCard card, CertKind kind) {
        return RevocationSources.crl().url(URI.create(pki.crlUrl(kind, generationOf(card, kind)))).build();
    }

    private static int generationOf(IssuedCard card, CertKind kind) {
        X509Certificate issuer = kind == CertKind.AUTH ? card.authCaCertificate() : card.signatureCaCertificate().orElseThrow();
        List<X509Certificate> roots = pki.roots(kind);
        return roots.indexOf(issuer) + 1;
    }

    /** Signs on the simulated card, exactly as the bridge will: PIN for auth, password for share. */
    private static String assertion(IssuedCard card, Purpose purpose, String audience, String nonce,
            List<String> approved) throws Exception {
        TerminalFactory factory = TerminalFactory.getInstance(VirtualCardProvider.TYPE, card.toSimulatedCard(),
                new VirtualCardProvider());
        JpkiCardClient client = JpkiCardClient.open(factory.terminals().list().get(0).connect("*").getBasicChannel());
        CardAssertion.Builder builder = CardAssertion.builder().audience(audience).nonce(nonce).purpose(purpose);
        if (purpose == Purpose.AUTH) {
            return builder.certificate(client.readAuthenticationCertificate())
                    .sign(client.signer(PinKind.AUTHENTICATION, Fixtures.PIN.toCharArray()));
        }
        return builder.certificate(client.readSignatureCertificate(Fixtures.PASSWORD.toCharArray()))
                .clientId(CLIENT).approvedClaims(approved)
                .sign(client.signer(PinKind.SIGNATURE, Fixtures.PASSWORD.toCharArray()));
    }

    private static String authAssertion(IssuedCard card) throws Exception {
        return assertion(card, Purpose.AUTH, AUDIENCE, NONCE, List.of());
    }

    private static Reason reasonOf(LoginVerifier verifier, String jws, LoginExpectations expected) {
        return catchThrowableOfType(() -> verifier.verify(jws, expected), JpkiException.class).reason();
    }

    private static LoginExpectations auth() {
        return LoginExpectations.auth(AUDIENCE, NONCE);
    }

    private static LoginExpectations share(List<String> requested) {
        return LoginExpectations.share(AUDIENCE, NONCE, CLIENT, requested);
    }

    @Nested
    class Accepts {
        @Test
        void anAuthLoginCheckedByOcsp() throws Exception {
            VerifiedLogin login = verifier(ocsp()).build().verify(authAssertion(adult), auth());

            assertThat(login.purpose()).isEqualTo(Purpose.AUTH);
            assertThat(login.certificateKind()).isEqualTo(CertificateKind.AUTHENTICATION);
            assertThat(login.certificate()).isEqualTo(adult.authCertificate());
            assertThat(login.certificateId()).isEqualTo(ID_KEY.idOf(adult.authCertificate()));
            assertThat(login.releasedClaims()).isEmpty();
            assertThat(login.revocationEvidence().orElseThrow().toMap()).containsEntry("type", "ocsp");
        }

        @Test
        void anAuthLoginCheckedByCrl() throws Exception {
            VerifiedLogin login = verifier(crl(adult, CertKind.AUTH)).build().verify(authAssertion(adult), auth());

            assertThat(login.revocationEvidence().orElseThrow().toMap()).containsEntry("type", "crl");
        }

        @Test
        void aShareReleasingOnlyTheApprovedClaims() throws Exception {
            String jws = assertion(adult, Purpose.SHARE, AUDIENCE, NONCE, List.of("name", "age_over_18"));

            VerifiedLogin login = verifier(ocsp()).build()
                    .verify(jws, share(List.of("name", "address", "birthdate", "age_over_18")));

            assertThat(login.certificateKind()).isEqualTo(CertificateKind.SIGNATURE);
            assertThat(login.releasedClaims())
                    .containsExactly(Map.entry("name", Fixtures.NAME), Map.entry("age_over_18", true));
            assertThat(login.revocationEvidence()).isPresent();
        }

        @Test
        void theSameCertificateIdAtEveryLoginAndADifferentOneUnderAnotherSecret() throws Exception {
            LoginVerifier verifier = verifier(ocsp()).build();
            VerifiedLogin first = verifier.verify(authAssertion(adult), auth());
            VerifiedLogin second = verifier.verify(authAssertion(adult), auth());

            assertThat(second.certificateId()).isEqualTo(first.certificateId());
            byte[] otherSecret = new byte[32];
            otherSecret[0] = 1;
            assertThat(CertificateIdKey.of(otherSecret).idOf(adult.authCertificate())).isNotEqualTo(first.certificateId());
        }
    }

    @Nested
    class Rejects {
        @Test
        void aWrongNonce() throws Exception {
            assertThat(reasonOf(verifier(ocsp()).build(), authAssertion(adult),
                    LoginExpectations.auth(AUDIENCE, "another-nonce"))).isEqualTo(Reason.NONCE_MISMATCH);
        }

        @Test
        void aWrongAudience() throws Exception {
            assertThat(reasonOf(verifier(ocsp()).build(), authAssertion(adult),
                    LoginExpectations.auth("https://other.example/realms/x", NONCE))).isEqualTo(Reason.AUDIENCE_MISMATCH);
        }

        @Test
        void anAuthAssertionSignedWithTheSignatureCertificate() throws Exception {
            TerminalFactory factory = TerminalFactory.getInstance(VirtualCardProvider.TYPE, adult.toSimulatedCard(),
                    new VirtualCardProvider());
            JpkiCardClient client = JpkiCardClient.open(factory.terminals().list().get(0).connect("*").getBasicChannel());
            String jws = signedWithoutTheBuildersKindCheck(client);

            assertThat(reasonOf(verifier(ocsp()).build(), jws, auth())).isEqualTo(Reason.CERTIFICATE_KIND_MISMATCH);
        }

        /**
         * An auth assertion in the signature certificate's name, made by hand: what a forged or broken
         * bridge could send (jpki's builder refuses to make one).
         */
        private String signedWithoutTheBuildersKindCheck(JpkiCardClient client) throws Exception {
            X509Certificate signatureCertificate = client.readSignatureCertificate(Fixtures.PASSWORD.toCharArray());
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType(CardAssertion.TYPE))
                    .x509CertChain(List.of(com.nimbusds.jose.util.Base64.encode(signatureCertificate.getEncoded())))
                    .build();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().audience(AUDIENCE).claim("nonce", NONCE)
                    .claim("purpose", "auth").issueTime(new Date()).build();
            String signingInput = header.toBase64URL() + "." + Base64URL.encode(claims.toString());
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(signingInput.getBytes(StandardCharsets.US_ASCII));
            byte[] digestInfo = new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE),
                    hash).getEncoded();
            byte[] signature = client.signer(PinKind.SIGNATURE, Fixtures.PASSWORD.toCharArray()).sign(digestInfo);
            return signingInput + "." + Base64URL.encode(signature);
        }

        @Test
        void aClaimApprovedButNotRequested() throws Exception {
            String jws = assertion(adult, Purpose.SHARE, AUDIENCE, NONCE, List.of("name", "address"));

            assertThat(reasonOf(verifier(ocsp()).build(), jws, share(List.of("name"))))
                    .isEqualTo(Reason.CLAIM_NOT_REQUESTED);
        }

        @Test
        void aShareForAnotherClient() throws Exception {
            String jws = assertion(adult, Purpose.SHARE, AUDIENCE, NONCE, List.of("name"));

            assertThat(reasonOf(verifier(ocsp()).build(), jws,
                    LoginExpectations.share(AUDIENCE, NONCE, "visa", List.of("name"))))
                    .isEqualTo(Reason.CLIENT_ID_MISMATCH);
        }

        @Test
        void aCertificateUnderAForeignRoot() throws Exception {
            TestPki foreign = TestPki.init(Files.createTempDirectory("foreign-pki"), "127.0.0.1",
                    Fixtures.freePort(), Fixtures.freePort());
            LoginVerifier verifier = LoginVerifier.builder().trustAnchors(foreign.roots(CertKind.AUTH))
                    .revocationSource(ocsp()).allowTestRoots().certificateIdKey(ID_KEY).build();

            assertThat(reasonOf(verifier, authAssertion(adult), auth())).isEqualTo(Reason.NO_TRUSTED_PATH);
        }

        @Test
        void aTestRootInProductionMode() throws Exception {
            LoginVerifier production = LoginVerifier.builder().trustAnchors(roots()).revocationSource(ocsp())
                    .certificateIdKey(ID_KEY).build();

            assertThat(reasonOf(production, authAssertion(adult), auth())).isEqualTo(Reason.TEST_ROOT_REFUSED);
        }

        @Test
        void aCertificateRevokedAccordingToOcspWithTheDecidingResponse() throws Exception {
            IssuedCard card = Fixtures.issue(Fixtures.adult());
            pki.revoke(card.id(), RevocationReason.KEY_COMPROMISE, null);

            CertificateValidationException rejection = catchThrowableOfType(
                    () -> verifier(ocsp()).build().verify(authAssertion(card), auth()),
                    CertificateValidationException.class);

            assertThat(rejection.reason()).isEqualTo(Reason.REVOKED);
            assertThat(rejection.result().evidence().orElseThrow().toMap()).containsEntry("type", "ocsp");
        }

        @Test
        void aCertificateRevokedAccordingToTheCrlWithItsNumber() throws Exception {
            IssuedCard card = Fixtures.issue(Fixtures.adult());
            pki.revoke(card.id(), RevocationReason.KEY_COMPROMISE, null);

            CertificateValidationException rejection = catchThrowableOfType(
                    () -> verifier(crl(card, CertKind.AUTH)).build().verify(authAssertion(card), auth()),
                    CertificateValidationException.class);

            assertThat(rejection.reason()).isEqualTo(Reason.REVOKED);
            assertThat(rejection.result().evidence().orElseThrow().toMap())
                    .containsEntry("type", "crl").containsKey("crlNumber");
        }

        @Test
        void aLoginWhenTheResponderIsDownFailingClosed() throws Exception {
            RevocationSource deadResponder = RevocationSources.ocsp()
                    .responderUrl(URI.create("http://127.0.0.1:" + Fixtures.freePort() + "/ocsp")).build();

            JpkiException rejection = catchThrowableOfType(
                    () -> verifier(deadResponder).build().verify(authAssertion(adult), auth()), JpkiException.class);

            assertThat(rejection.reason()).isEqualTo(Reason.REVOCATION_UNAVAILABLE);
            assertThat(rejection.reason().kind()).isEqualTo(Reason.Kind.UNAVAILABLE);
        }

        @Test
        void aTamperedAssertion() throws Exception {
            String[] parts = authAssertion(adult).split("\\.");
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    payload.replace("\"auth\"", "\"auth\" ").getBytes(StandardCharsets.UTF_8));

            assertThat(reasonOf(verifier(ocsp()).build(), parts[0] + "." + forged + "." + parts[2], auth()))
                    .isEqualTo(Reason.INVALID_SIGNATURE);
        }
    }
}
