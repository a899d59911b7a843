package io.mynagate.jpki.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.jpki.testing.OpensslCa;
import io.mynagate.jpki.testing.TestPki;
import io.mynagate.jpki.Reason;
import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Revocation against responders we did not write: {@code openssl ocsp} running as a direct (CA-signed)
 * and a delegated (id-kp-OCSPSigning) responder, and a CRL made by {@code openssl ca -gencrl}, each for a
 * good, a revoked and an unknown certificate, plus a responder that is down. Fails when openssl is missing.
 */
class OpensslRevocationIT {
    private static TestPki.Issued ca;
    private static TestPki.Issued good;
    private static TestPki.Issued revoked;
    private static TestPki.Issued unknown;
    private static OpensslCa openssl;
    private static URI direct;
    private static URI delegated;
    private static Path crl;
    private static TestPki.Issued designatedCertificate;
    private static URI designated;
    private static HttpServer crlServer;

    @BeforeAll
    static void startResponders() throws Exception {
        ca = TestPki.root().rootOrganization("JPKI", Fixtures.AUTH_UNIT)
                .keyPair(TestPki.sharedKeyPair("openssl-ca")).issue();
        good = card();
        revoked = card();
        unknown = card();
        TestPki.Issued responder = TestPki.ocspResponderCertificate(ca)
                .keyPair(TestPki.sharedKeyPair("openssl-responder")).issue();
        openssl = new OpensslCa(Files.createTempDirectory("openssl-ca"), ca)
                .issued(good.certificate()).revoked(revoked.certificate());
        direct = openssl.startOcspResponder(ca);
        delegated = openssl.startOcspResponder(responder);
        crl = openssl.generateCrl();
        // A responder trusted by local configuration only: not issued by the CA, no id-kp-OCSPSigning.
        designatedCertificate = TestPki.root().subject("C=JP,O=Platform operator,CN=designated OCSP")
                .keyPair(TestPki.sharedKeyPair("openssl-designated")).issue();
        designated = openssl.startOcspResponder(designatedCertificate);
        byte[] crlBytes = Files.readAllBytes(crl);
        crlServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        crlServer.createContext("/root.crl", exchange -> {
            exchange.sendResponseHeaders(200, crlBytes.length);
            exchange.getResponseBody().write(crlBytes);
            exchange.close();
        });
        crlServer.start();
    }

    @AfterAll
    static void stopResponders() {
        if (openssl != null) {
            openssl.close();
        }
        if (crlServer != null) {
            crlServer.stop(0);
        }
    }

    private static TestPki.Issued card() {
        return TestPki.authenticationCertificate(ca).keyPair(TestPki.sharedKeyPair("validation-ee")).issue();
    }

    private static ValidationResult validate(RevocationSource source, TestPki.Issued certificate) {
        return CertificateValidator.builder().trustAnchor(ca.certificate()).profile(RequiredProfile.AUTHENTICATION)
                .revocationSource(source).build()
                .validate(certificate.certificate(), List.of(), Instant.now());
    }

    private static RevocationSource ocsp(URI url) {
        return RevocationSources.ocsp().responderUrl(url).build();
    }

    @Test
    void directResponderReportsGoodWithEchoedNonce() {
        ValidationResult result = validate(ocsp(direct), good);

        assertThat(result.reason()).isEqualTo(Reason.VALID);
        OcspEvidence evidence = (OcspEvidence) result.evidence().orElseThrow();
        assertThat(evidence.delegated()).isFalse();
        assertThat(evidence.nonceChecked()).isTrue();
        assertThat(evidence.nextUpdate()).isPresent();
    }

    @Test
    void directResponderReportsRevoked() {
        assertThat(validate(ocsp(direct), revoked).reason()).isEqualTo(Reason.REVOKED);
    }

    @Test
    void directResponderReportsUnknown() {
        assertThat(validate(ocsp(direct), unknown).reason()).isEqualTo(Reason.REVOCATION_UNKNOWN);
    }

    @Test
    void delegatedResponderReportsGood() {
        ValidationResult result = validate(ocsp(delegated), good);

        assertThat(result.reason()).isEqualTo(Reason.VALID);
        assertThat(((OcspEvidence) result.evidence().orElseThrow()).delegated()).isTrue();
    }

    @Test
    void delegatedResponderReportsRevoked() {
        assertThat(validate(ocsp(delegated), revoked).reason()).isEqualTo(Reason.REVOKED);
    }

    @Test
    void delegatedResponderReportsUnknown() {
        assertThat(validate(ocsp(delegated), unknown).reason()).isEqualTo(Reason.REVOCATION_UNKNOWN);
    }

    @Test
    void findsTheResponderThroughAuthorityInfoAccess() {
        TestPki.Issued withAia = TestPki.authenticationCertificate(ca).serial(good.certificate().getSerialNumber())
                .ocspUrl(direct.toString()).keyPair(TestPki.sharedKeyPair("validation-ee")).issue();

        assertThat(validate(RevocationSources.ocsp().build(), withAia).reason()).isEqualTo(Reason.VALID);
    }

    @Test
    void failsClosedWhenTheResponderIsDown() {
        RevocationSource down = RevocationSources.ocsp().responderUrl(OpensslCa.downUrl())
                .transport(HttpTransport.create(Duration.ofSeconds(2), Duration.ofSeconds(2))).build();

        ValidationResult result = validate(down, good);

        assertThat(result.reason()).isEqualTo(Reason.REVOCATION_UNAVAILABLE);
        assertThat(result.isValid()).isFalse();
    }

    @Test
    void opensslCrlReportsGoodWithItsCrlNumber() {
        ValidationResult result = validate(RevocationSources.crl().file(crl).build(), good);

        assertThat(result.reason()).isEqualTo(Reason.VALID);
        assertThat(((CrlEvidence) result.evidence().orElseThrow()).crlNumberOrNull())
                .isEqualTo(new BigInteger("1000", 16));
    }

    @Test
    void opensslCrlReportsRevoked() {
        assertThat(validate(RevocationSources.crl().file(crl).build(), revoked).reason()).isEqualTo(Reason.REVOKED);
    }

    @Test
    void opensslCrlDoesNotListACertificateItNeverRevoked() {
        // A CRL only lists revocations: a certificate the CA database does not know is not on it (RFC 5280).
        assertThat(validate(RevocationSources.crl().file(crl).build(), unknown).reason()).isEqualTo(Reason.VALID);
    }

    @Test
    void opensslCrlIsStaleAfterItsNextUpdate() {
        ValidationResult result = CertificateValidator.builder().trustAnchor(ca.certificate())
                .profile(RequiredProfile.AUTHENTICATION).revocationSource(RevocationSources.crl().file(crl).build())
                .build().validate(good.certificate(), List.of(), Instant.now().plus(Duration.ofDays(2)));

        assertThat(result.reason()).isEqualTo(Reason.REVOCATION_UNAVAILABLE);
        assertThat(result.message()).contains("stale");
    }

    @Test
    void fallsBackFromADownResponderToTheOpensslCrl() {
        RevocationSource composite = RevocationSources.firstAvailable(List.of(
                RevocationSources.ocsp().responderUrl(OpensslCa.downUrl()).build(),
                RevocationSources.crl().file(crl).build()));

        ValidationResult result = validate(composite, revoked);

        assertThat(result.reason()).isEqualTo(Reason.REVOKED);
        assertThat(result.evidence().orElseThrow()).isInstanceOf(CrlEvidence.class);
    }

    @Test
    void acceptsTheConfiguredDesignatedResponder() {
        RevocationSource source = RevocationSources.ocsp().responderUrl(designated)
                .designatedResponder(designatedCertificate.certificate()).build();

        ValidationResult result = validate(source, revoked);

        assertThat(result.reason()).isEqualTo(Reason.REVOKED);
        assertThat(((OcspEvidence) result.evidence().orElseThrow()).responder()).contains("designated OCSP");
    }

    @Test
    void refusesAResponderThatIsNeitherCaDelegatedNorConfigured() {
        ValidationResult result = validate(ocsp(designated), good);

        assertThat(result.reason()).isEqualTo(Reason.REVOCATION_UNAVAILABLE);
        assertThat(result.message()).contains("not signed by");
    }

    @Test
    void downloadsTheOpensslCrlOverHttp() {
        URI url = URI.create("http://127.0.0.1:" + crlServer.getAddress().getPort() + "/root.crl");

        ValidationResult result = validate(RevocationSources.crl().url(url).build(), revoked);

        assertThat(result.reason()).isEqualTo(Reason.REVOKED);
        assertThat(((CrlEvidence) result.evidence().orElseThrow()).location()).isEqualTo(url.toString());
    }

    @Test
    void anUnknownOcspAnswerIsFinalEvenWhenACrlFollows() {
        RevocationSource composite = RevocationSources.firstAvailable(List.of(ocsp(direct),
                RevocationSources.crl().file(crl).build()));

        assertThat(validate(composite, unknown).reason()).isEqualTo(Reason.REVOCATION_UNKNOWN);
    }
}
