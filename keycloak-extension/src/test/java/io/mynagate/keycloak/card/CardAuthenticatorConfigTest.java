package io.mynagate.keycloak.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.Reason;
import io.mynagate.jpki.assertion.CardAssertion;
import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.assertion.Signer;
import io.mynagate.jpki.identity.CertificateIdKey;
import io.mynagate.jpki.login.LoginExpectations;
import io.mynagate.jpki.login.VerifiedLogin;
import io.mynagate.jpki.testing.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CardAuthenticatorConfigTest {
    // J-LIS's user-authentication root of 2023, as published (jpki's test resources).
    private static final String JLIS_AUTH_ROOT = resource("jpki-roots/auth_ca_2023.pem");
    private static final String AUDIENCE = "https://idp.example.jp/realms/bank";
    private static final String NONCE = "bm9uY2Utb2YtdGhpcy1zdGVwLTI1Ni1iaXRzLWxvbmctLS0";
    private static final CertificateIdKey ID_KEY = CertificateIdKey.of(new byte[32]);
    // Nothing listens on port 1: the OCSP responder is down, fast.
    private static final String DOWN_RESPONDER = "http://127.0.0.1:1/ocsp";

    @Test
    void takesTrustAnchorsAloneAsCompleteConfigWithDefaults() {
        CardAuthenticatorConfig config = CardAuthenticatorConfig.parse(Map.of(CardAuthenticatorConfig.TRUST_ANCHORS, JLIS_AUTH_ROOT));

        assertThat(config.trustAnchors()).hasSize(1);
        assertThat(config.trustAnchors().get(0).getSubjectX500Principal().getName()).contains("JPKI");
        assertThat(config.revocationMode()).isEqualTo(RevocationMode.OCSP);
        assertThat(config.ocspResponderUrl()).isEmpty();
        assertThat(config.ocspResponderCertificate()).isEmpty();
        assertThat(config.crlUrls()).isEmpty();
        assertThat(config.revocationCacheSize()).isEqualTo(10_000);
        assertThat(config.revocationFailOpen()).isFalse();
        assertThat(config.bridgeUrl()).isEqualTo(URI.create("http://127.0.0.1:18450"));
        assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.acrValue()).isEqualTo("myna-card");
        assertThat(config.createUserOnFirstLogin()).isTrue();
        assertThat(config.allowTestRoots()).isFalse();
    }

    @Test
    void readsEverySettingAsTheAdminConsoleStoresIt() {
        Map<String, String> settings = new HashMap<>(Map.of(
                CardAuthenticatorConfig.TRUST_ANCHORS, JLIS_AUTH_ROOT + "\n" + resource("jpki-roots/auth_ca_2015.pem"),
                CardAuthenticatorConfig.REVOCATION_MODE, " OCSP , crl ",
                CardAuthenticatorConfig.OCSP_RESPONDER_URL, "https://ocsp.example.jp/",
                CardAuthenticatorConfig.OCSP_RESPONDER_CERTIFICATE, JLIS_AUTH_ROOT,
                CardAuthenticatorConfig.CRL_URLS, "http://crl.example.jp/a.crl##https://crl.example.jp/b.crl",
                CardAuthenticatorConfig.REVOCATION_CACHE_SIZE, "500",
                CardAuthenticatorConfig.REVOCATION_FAIL_OPEN, "true",
                CardAuthenticatorConfig.BRIDGE_URL, "http://localhost:18451/bridge",
                CardAuthenticatorConfig.CLOCK_SKEW_SECONDS, "600",
                CardAuthenticatorConfig.ACR_VALUE, "urn:example:acr:card"));
        settings.put(CardAuthenticatorConfig.CREATE_USER, "false");
        settings.put(CardAuthenticatorConfig.ALLOW_TEST_ROOTS, "TRUE");

        CardAuthenticatorConfig config = CardAuthenticatorConfig.parse(settings);

        assertThat(config.trustAnchors()).hasSize(2);
        assertThat(config.revocationMode()).isEqualTo(RevocationMode.OCSP_THEN_CRL);
        assertThat(config.ocspResponderUrl()).contains(URI.create("https://ocsp.example.jp/"));
        assertThat(config.ocspResponderCertificate()).isPresent();
        assertThat(config.crlUrls()).containsExactly(
                URI.create("http://crl.example.jp/a.crl"), URI.create("https://crl.example.jp/b.crl"));
        assertThat(config.revocationCacheSize()).isEqualTo(500);
        assertThat(config.revocationFailOpen()).isTrue();
        assertThat(config.bridgeUrl()).isEqualTo(URI.create("http://localhost:18451/bridge"));
        assertThat(config.clockSkew()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.acrValue()).isEqualTo("urn:example:acr:card");
        assertThat(config.createUserOnFirstLogin()).isFalse();
        assertThat(config.allowTestRoots()).isTrue();
    }

    @Test
    void takesBlankValuesAsAbsent() {
        CardAuthenticatorConfig config = CardAuthenticatorConfig.parse(Map.of(
                CardAuthenticatorConfig.TRUST_ANCHORS, JLIS_AUTH_ROOT,
                CardAuthenticatorConfig.CLOCK_SKEW_SECONDS, " ",
                CardAuthenticatorConfig.OCSP_RESPONDER_URL, ""));

        assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.ocspResponderUrl()).isEmpty();
    }

    @Test
    void rejectsMissingTrustAnchors() {
        assertInvalid(Map.of(), CardAuthenticatorConfig.TRUST_ANCHORS).hasMessageContaining("required");
    }

    @Test
    void rejectsTrustAnchorsThatAreNotValidPem() {
        String broken = JLIS_AUTH_ROOT.replaceFirst("\n[A-Za-z0-9+/]{10}", "\n!!!!!!!!!!");

        assertInvalid(anchors(broken), CardAuthenticatorConfig.TRUST_ANCHORS)
                .hasMessageContaining("not valid base64")
                .hasMessageNotContaining(JLIS_AUTH_ROOT.lines().skip(2).findFirst().orElseThrow());
    }

    @Test
    void rejectsTrustAnchorsWithoutCertificateBlock() {
        assertInvalid(anchors("MIIB... pasted without the BEGIN line"), CardAuthenticatorConfig.TRUST_ANCHORS)
                .hasMessageContaining("no -----BEGIN CERTIFICATE----- block");
    }

    @Test
    void rejectsPrivateKeyPastedAsTrustAnchor() {
        String key = "-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8=\n-----END PRIVATE KEY-----\n";

        assertInvalid(anchors(key), CardAuthenticatorConfig.TRUST_ANCHORS)
                .hasMessageContaining("PRIVATE KEY block")
                .hasMessageNotContaining("MIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8=");
    }

    @Test
    void rejectsEndEntityCertificateAsTrustAnchor() throws CertificateEncodingException {
        TestPki.Issued root = TestPki.root().issue();
        X509Certificate card = TestPki.authenticationCertificate(root).issue().certificate();

        assertInvalid(anchors(JLIS_AUTH_ROOT + pem(card)), CardAuthenticatorConfig.TRUST_ANCHORS)
                .hasMessageContaining("certificate 2 of 2 is not a CA certificate");
    }

    @Test
    void rejectsUnknownRevocationMode() {
        assertInvalid(with(CardAuthenticatorConfig.REVOCATION_MODE, "ocsp+crl"), CardAuthenticatorConfig.REVOCATION_MODE)
                .hasMessageContaining("ocsp | crl | ocsp,crl");
    }

    @Test
    void rejectsRevocationModeNone() {
        assertInvalid(with(CardAuthenticatorConfig.REVOCATION_MODE, "none"), CardAuthenticatorConfig.REVOCATION_MODE);
    }

    @Test
    void rejectsCrlModeWithoutCrlUrls() {
        assertInvalid(with(CardAuthenticatorConfig.REVOCATION_MODE, "ocsp,crl"), CardAuthenticatorConfig.CRL_URLS)
                .hasMessageContaining("at least one CRL URL");
    }

    @Test
    void rejectsCrlUrlThatIsNotHttp() {
        Map<String, String> settings = with(CardAuthenticatorConfig.REVOCATION_MODE, "crl");
        settings.put(CardAuthenticatorConfig.CRL_URLS, "http://crl.example.jp/a.crl##file:///etc/a.crl");

        assertInvalid(settings, CardAuthenticatorConfig.CRL_URLS).hasMessageContaining("not an absolute http(s) URL");
    }

    @Test
    void rejectsOcspResponderUrlWithCredentials() {
        assertInvalid(with(CardAuthenticatorConfig.OCSP_RESPONDER_URL, "https://user:secret@ocsp.example.jp/"),
                CardAuthenticatorConfig.OCSP_RESPONDER_URL)
                .hasMessageContaining("credentials")
                .hasMessageNotContaining("secret@");
    }

    @Test
    void rejectsTwoDesignatedResponderCertificates() {
        assertInvalid(with(CardAuthenticatorConfig.OCSP_RESPONDER_CERTIFICATE, JLIS_AUTH_ROOT + JLIS_AUTH_ROOT),
                CardAuthenticatorConfig.OCSP_RESPONDER_CERTIFICATE)
                .hasMessageContaining("exactly one certificate expected, found 2");
    }

    @Test
    void rejectsClockSkewAboveTenMinutes() {
        assertInvalid(with(CardAuthenticatorConfig.CLOCK_SKEW_SECONDS, "601"), CardAuthenticatorConfig.CLOCK_SKEW_SECONDS)
                .hasMessageContaining("601 is outside 0 to 600");
    }

    @Test
    void rejectsNegativeClockSkew() {
        assertInvalid(with(CardAuthenticatorConfig.CLOCK_SKEW_SECONDS, "-1"), CardAuthenticatorConfig.CLOCK_SKEW_SECONDS)
                .hasMessageContaining("-1 is outside 0 to 600");
    }

    @Test
    void rejectsClockSkewThatIsNotWholeSeconds() {
        assertInvalid(with(CardAuthenticatorConfig.CLOCK_SKEW_SECONDS, "1m"), CardAuthenticatorConfig.CLOCK_SKEW_SECONDS)
                .hasMessageContaining("a whole number from 0 to 600 expected");
    }

    @Test
    void rejectsZeroRevocationCacheSize() {
        assertInvalid(with(CardAuthenticatorConfig.REVOCATION_CACHE_SIZE, "0"), CardAuthenticatorConfig.REVOCATION_CACHE_SIZE);
    }

    @Test
    void rejectsBooleanOtherThanTrueOrFalse() {
        assertInvalid(with(CardAuthenticatorConfig.REVOCATION_FAIL_OPEN, "yes"), CardAuthenticatorConfig.REVOCATION_FAIL_OPEN)
                .hasMessageContaining("true or false expected");
    }

    @Test
    void rejectsBridgeUrlOffTheResidentsComputer() {
        assertInvalid(with(CardAuthenticatorConfig.BRIDGE_URL, "https://bridge.example.jp:18450"), CardAuthenticatorConfig.BRIDGE_URL)
                .hasMessageContaining("127.0.0.1, [::1] or localhost");
    }

    @Test
    void rejectsBridgeUrlOnPrivateNetworkAddress() {
        assertInvalid(with(CardAuthenticatorConfig.BRIDGE_URL, "http://192.168.1.10:18450"), CardAuthenticatorConfig.BRIDGE_URL);
    }

    @Test
    void acceptsBridgeUrlOnIpv6Loopback() {
        CardAuthenticatorConfig config = CardAuthenticatorConfig.parse(with(CardAuthenticatorConfig.BRIDGE_URL, "http://[::1]:18450"));

        assertThat(config.bridgeUrl().getHost()).isEqualTo("[::1]");
    }

    @Test
    void rejectsBridgeUrlWithQuery() {
        assertInvalid(with(CardAuthenticatorConfig.BRIDGE_URL, "http://127.0.0.1:18450/?request=x"), CardAuthenticatorConfig.BRIDGE_URL)
                .hasMessageContaining("no query or fragment");
    }

    @Test
    void rejectsAcrValueWithSpace() {
        assertInvalid(with(CardAuthenticatorConfig.ACR_VALUE, "card login"), CardAuthenticatorConfig.ACR_VALUE);
    }

    // The settings reach jpki's verifier: each test below would pass with a default verifier if a
    // setting were dropped on the way.

    @Test
    void builtVerifierRefusesTestRootByDefault() throws Exception {
        Card card = Card.underTestRoot();
        CardAuthenticatorConfig config = CardAuthenticatorConfig.parse(Map.of(
                CardAuthenticatorConfig.TRUST_ANCHORS, pem(card.root()),
                CardAuthenticatorConfig.OCSP_RESPONDER_URL, DOWN_RESPONDER));

        assertRejected(() -> config.loginVerifier(ID_KEY).verify(card.assertion(Instant.now()), expected()),
                Reason.TEST_ROOT_REFUSED);
    }

    @Test
    void builtVerifierWithTestRootsAllowedFailsClosedWhenRevocationIsUnavailable() throws Exception {
        Card card = Card.underTestRoot();
        CardAuthenticatorConfig config = CardAuthenticatorConfig.parse(Map.of(
                CardAuthenticatorConfig.TRUST_ANCHORS, pem(card.root()),
                CardAuthenticatorConfig.OCSP_RESPONDER_URL, DOWN_RESPONDER,
                CardAuthenticatorConfig.ALLOW_TEST_ROOTS, "true"));

        assertRejected(() -> config.loginVerifier(ID_KEY).verify(card.assertion(Instant.now()), expected()),
                Reason.REVOCATION_UNAVAILABLE);
    }

    @Test
    void builtVerifierWithRevocationFailOpenAcceptsWhenNoSourceAnswersAndKeysTheCertificateId() throws Exception {
        Card card = Card.underTestRoot();
        CardAuthenticatorConfig config = CardAuthenticatorConfig.parse(Map.of(
                CardAuthenticatorConfig.TRUST_ANCHORS, pem(card.root()),
                CardAuthenticatorConfig.OCSP_RESPONDER_URL, DOWN_RESPONDER,
                CardAuthenticatorConfig.ALLOW_TEST_ROOTS, "true",
                CardAuthenticatorConfig.REVOCATION_FAIL_OPEN, "true"));

        VerifiedLogin login = config.loginVerifier(ID_KEY).verify(card.assertion(Instant.now()), expected());

        assertThat(login.certificateId()).isEqualTo(ID_KEY.idOf(card.certificate()));
    }

    @Test
    void builtVerifierRefusesAssertionOlderThanConfiguredSkew() throws Exception {
        Card card = Card.underTestRoot();
        CardAuthenticatorConfig config = CardAuthenticatorConfig.parse(Map.of(
                CardAuthenticatorConfig.TRUST_ANCHORS, pem(card.root()),
                CardAuthenticatorConfig.CLOCK_SKEW_SECONDS, "30"));

        assertRejected(() -> config.loginVerifier(ID_KEY).verify(card.assertion(Instant.now().minusSeconds(45)), expected()),
                Reason.ISSUED_AT_OUT_OF_RANGE);
    }

    @Test
    void builtVerifierTakesAssertionWithinConfiguredSkew() throws Exception {
        Card card = Card.underTestRoot();
        CardAuthenticatorConfig config = CardAuthenticatorConfig.parse(Map.of(
                CardAuthenticatorConfig.TRUST_ANCHORS, pem(card.root()),
                CardAuthenticatorConfig.CLOCK_SKEW_SECONDS, "120"));

        // Past the iat check, the next refusal is the test root: the 90 s old assertion was in range.
        assertRejected(() -> config.loginVerifier(ID_KEY).verify(card.assertion(Instant.now().minusSeconds(90)), expected()),
                Reason.TEST_ROOT_REFUSED);
    }

    private static LoginExpectations expected() {
        return LoginExpectations.auth(AUDIENCE, NONCE);
    }

    /** A test card: a JPKI-TEST root, a user-authentication certificate under it, its key. */
    private record Card(X509Certificate root, X509Certificate certificate, PrivateKey key) {
        static Card underTestRoot() {
            TestPki.Issued root = TestPki.root().issue();
            TestPki.Issued card = TestPki.authenticationCertificate(root).issue();
            return new Card(root.certificate(), card.certificate(), card.privateKey());
        }

        String assertion(Instant issuedAt) throws JpkiException {
            return CardAssertion.builder().audience(AUDIENCE).nonce(NONCE).purpose(Purpose.AUTH)
                    .certificate(certificate).clock(Clock.fixed(issuedAt, ZoneOffset.UTC)).sign(signer(key));
        }

        // The card signs a DigestInfo with PKCS#1 v1.5 padding: NONEwithRSA does exactly that.
        private static Signer signer(PrivateKey key) {
            return digestInfo -> {
                try {
                    Signature rsa = Signature.getInstance("NONEwithRSA");
                    rsa.initSign(key);
                    rsa.update(digestInfo);
                    return rsa.sign();
                } catch (java.security.GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            };
        }
    }

    private static void assertRejected(Executable call, Reason reason) {
        JpkiException e = org.junit.jupiter.api.Assertions.assertThrows(JpkiException.class, call);
        assertThat(e.reason()).isEqualTo(reason);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(Map<String, String> settings, String setting) {
        return assertThatThrownBy(() -> CardAuthenticatorConfig.parse(settings))
                .isInstanceOfSatisfying(InvalidCardConfigException.class, e -> assertThat(e.setting()).isEqualTo(setting))
                .hasMessageStartingWith("card authenticator setting '" + setting + "': ");
    }

    private static Map<String, String> anchors(String pem) {
        return Map.of(CardAuthenticatorConfig.TRUST_ANCHORS, pem);
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> settings = new HashMap<>();
        settings.put(CardAuthenticatorConfig.TRUST_ANCHORS, JLIS_AUTH_ROOT);
        settings.put(key, value);
        return settings;
    }

    static String pem(X509Certificate certificate) throws CertificateEncodingException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    static String resource(String name) {
        try (InputStream in = CardAuthenticatorConfigTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " not on the test class path (jpki's test-jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
