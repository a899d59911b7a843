package io.mynagate.simulator.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.simulator.pki.CertKind;
import io.mynagate.simulator.pki.IssuedCard;
import io.mynagate.simulator.pki.RevocationReason;
import io.mynagate.simulator.pki.TestPki;
import io.mynagate.simulator.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaRespID;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OCSP responder and CRL server of the test PKI, seen by BC and by the JDK's own PKIX checks. */
class RevocationServicesTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final TestPki pki = Fixtures.pki();
    private RevocationServices services;

    @BeforeEach
    void start() throws Exception {
        services = RevocationServices.start(pki, new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void answersGoodSignedByTheDelegatedResponderWithTheNonceEchoed() throws Exception {
        IssuedCard card = Fixtures.adultCard();
        byte[] nonce = {1, 2, 3, 4, 5, 6, 7, 8};
        BasicOCSPResp basic = basic(post(request(card.authCertificate(), card.authCaCertificate(), nonce)));
        SingleResp single = basic.getResponses()[0];
        assertThat(single.getCertStatus()).isNull(); // null is GOOD in BC
        // RFC 8954: extnValue wraps the DER of an OCTET STRING holding the nonce.
        assertThat(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets())
                .isEqualTo(new DEROctetString(nonce).getEncoded());
        X509Certificate responder = pki.responderCertificate(CertKind.AUTH, 2);
        assertThat(basic.getCerts()[0]).isEqualTo(new JcaX509CertificateHolder(responder));
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder.getPublicKey()))).isTrue();
        assertThat(basic.getResponderId()).isEqualTo(new JcaRespID(responder.getPublicKey(),
                new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1)));
        responder.verify(card.authCaCertificate().getPublicKey());
        assertThat(responder.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.9");
    }

    @Test
    void tellsRootGenerationsWithTheSameNameApartByKey() throws Exception {
        IssuedCard g1 = pki.issue(Fixtures.adult().withoutSignatureCertificate(), 1);
        BasicOCSPResp basic = basic(post(request(g1.authCertificate(), pki.root(CertKind.AUTH, 1), null)));
        assertThat(basic.getResponses()[0].getCertStatus()).isNull();
        assertThat(basic.getCerts()[0]).isEqualTo(new JcaX509CertificateHolder(pki.responderCertificate(CertKind.AUTH, 1)));
        // The same serial asked of the newer root (same DN, other key) is not one it issued.
        SingleResp wrongRoot = basic(post(request(g1.authCertificate(), pki.root(CertKind.AUTH, 2), null))).getResponses()[0];
        assertThat(wrongRoot.getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void signsWithTheRootItselfInDirectMode() throws Exception {
        services.responderMode(ResponderMode.DIRECT);
        IssuedCard card = Fixtures.adultCard();
        BasicOCSPResp basic = basic(post(request(card.authCertificate(), card.authCaCertificate(), null)));
        assertThat(basic.getCerts()).isEmpty();
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder()
                .build(card.authCaCertificate().getPublicKey()))).isTrue();
        // RFC 6960 4.2.2.3: the responder id names the key that signed, here the root's.
        assertThat(basic.getResponderId()).isEqualTo(new JcaRespID(card.authCaCertificate().getPublicKey(),
                new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1)));
    }

    @Test
    void reportsRevocationWithItsReason() throws Exception {
        IssuedCard card = Fixtures.issue(Fixtures.adult().withoutSignatureCertificate());
        pki.revoke(card.id(), RevocationReason.KEY_COMPROMISE, null);
        SingleResp single = basic(post(request(card.authCertificate(), card.authCaCertificate(), null))).getResponses()[0];
        assertThat(single.getCertStatus()).isInstanceOf(RevokedStatus.class);
        assertThat(((RevokedStatus) single.getCertStatus()).getRevocationReason()).isEqualTo(1);
    }

    @Test
    void answersUnknownForASerialItNeverIssued() throws Exception {
        IssuedCard card = Fixtures.adultCard();
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(card.authCaCertificate()), BigInteger.valueOf(42));
        byte[] der = new OCSPReqBuilder().addRequest(id).build().getEncoded();
        assertThat(basic(post(der)).getResponses()[0].getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void answersGetRequestsToo() throws Exception {
        IssuedCard card = Fixtures.adultCard();
        String encoded = Base64.getEncoder().encodeToString(request(card.authCertificate(), card.authCaCertificate(), null));
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(services.ocspUrl() + "/"
                + java.net.URLEncoder.encode(encoded, java.nio.charset.StandardCharsets.US_ASCII))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(new OCSPResp(response.body()).getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
    }

    @Test
    void refusesQuestionsAboutForeignIssuers() throws Exception {
        IssuedCard card = Fixtures.adultCard();
        // No root of this PKI has the responder certificate's name and key.
        byte[] der = request(card.authCertificate(), pki.responderCertificate(CertKind.AUTH, 2), null);
        assertThat(new OCSPResp(post(der).body()).getStatus()).isEqualTo(OCSPResp.UNAUTHORIZED);
    }

    @Test
    void failsWithHttp500WhenSwitchedToError() throws Exception {
        services.faults().set(FaultSwitch.Mode.ERROR);
        IssuedCard card = Fixtures.adultCard();
        assertThat(post(request(card.authCertificate(), card.authCaCertificate(), null)).statusCode()).isEqualTo(500);
        assertThat(get(services.crlBaseUrl() + "auth-g2.crl").statusCode()).isEqualTo(500);
    }

    @Test
    void answersTryLaterWhenSwitchedSo() throws Exception {
        services.faults().set(FaultSwitch.Mode.TRY_LATER);
        IssuedCard card = Fixtures.adultCard();
        assertThat(new OCSPResp(post(request(card.authCertificate(), card.authCaCertificate(), null)).body()).getStatus())
                .isEqualTo(OCSPResp.TRY_LATER);
    }

    @Test
    void answersSlowlyWhenSwitchedSo() throws Exception {
        services.faults().slow(Duration.ofMillis(600));
        long start = System.nanoTime();
        assertThat(get(services.crlBaseUrl() + "auth-g2.crl").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    @Test
    void faultSwitchIsReachableOverHttp() throws Exception {
        assertThat(get(services.ocspUrl().replace("/ocsp", "/fault?mode=error")).statusCode()).isEqualTo(200);
        assertThat(services.faults().mode()).isEqualTo(FaultSwitch.Mode.ERROR);
        get(services.ocspUrl().replace("/ocsp", "/fault?mode=none"));
        assertThat(services.faults().mode()).isEqualTo(FaultSwitch.Mode.NONE);
    }

    @Test
    void faultSwitchRefusesAnUnknownModeOrANegativeDelay() throws Exception {
        assertThat(get(services.ocspUrl().replace("/ocsp", "/fault?mode=explode")).statusCode()).isEqualTo(400);
        assertThat(get(services.ocspUrl().replace("/ocsp", "/fault?mode=slow&delayMs=-1")).statusCode()).isEqualTo(400);
        assertThat(get(services.ocspUrl().replace("/ocsp", "/fault?mode=slow&delayMs=soon")).statusCode()).isEqualTo(400);
        assertThat(services.faults().mode()).isEqualTo(FaultSwitch.Mode.NONE);
    }

    @Test
    void answersMalformedRequestToGarbage() throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(services.ocspUrl()))
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray("not DER".getBytes(StandardCharsets.US_ASCII))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new OCSPResp(response.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    @Test
    void publishesASignedCrlListingRevokedSerialsWithReason() throws Exception {
        IssuedCard card = Fixtures.issue(Fixtures.adult().withoutSignatureCertificate());
        pki.revoke(card.id(), RevocationReason.CESSATION_OF_OPERATION, null);
        X509CRL crl = crl(CertKind.AUTH, 2);
        crl.verify(pki.root(CertKind.AUTH, 2).getPublicKey());
        X509CRLEntry entry = crl.getRevokedCertificate(card.authCertificate().getSerialNumber());
        assertThat(entry).isNotNull();
        assertThat(entry.getRevocationReason()).isEqualTo(java.security.cert.CRLReason.CESSATION_OF_OPERATION);
        assertThat(crl.getNextUpdate()).isAfter(crl.getThisUpdate());
        assertThat(crl.getExtensionValue(Extension.cRLNumber.getId())).isNotNull();
    }

    @Test
    void jdkPkixAcceptsAGoodCertificateAndRejectsARevokedOneByCrl() throws Exception {
        IssuedCard good = Fixtures.adultCard();
        IssuedCard revoked = Fixtures.issue(Fixtures.adult().withoutSignatureCertificate());
        pki.revoke(revoked.id(), RevocationReason.KEY_COMPROMISE, null);
        X509CRL crl = crl(CertKind.AUTH, 2);
        validateWithCrl(good.authCertificate(), crl);
        assertThatThrownBy(() -> validateWithCrl(revoked.authCertificate(), crl))
                .isInstanceOfSatisfying(CertPathValidatorException.class,
                        e -> assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.REVOKED));
    }

    @Test
    void jdkPkixAcceptsAGoodCertificateAndRejectsARevokedOneByOcsp() throws Exception {
        IssuedCard good = Fixtures.adultCard();
        IssuedCard revoked = Fixtures.issue(Fixtures.adult().withoutSignatureCertificate());
        pki.revoke(revoked.id(), RevocationReason.KEY_COMPROMISE, null);
        validateWithOcsp(good.authCertificate());
        assertThatThrownBy(() -> validateWithOcsp(revoked.authCertificate()))
                .isInstanceOfSatisfying(CertPathValidatorException.class,
                        e -> assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.REVOKED));
    }

    @Test
    void jdkPkixRejectsEverythingWhenTheResponderFails() throws Exception {
        services.faults().set(FaultSwitch.Mode.ERROR);
        assertThatThrownBy(() -> validateWithOcsp(Fixtures.adultCard().authCertificate()))
                .isInstanceOf(CertPathValidatorException.class);
    }

    private void validateWithCrl(X509Certificate certificate, X509CRL crl) throws Exception {
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(pki.root(CertKind.AUTH, 2), null)));
        params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(List.of(crl))));
        params.setRevocationEnabled(true);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate)), params);
    }

    private void validateWithOcsp(X509Certificate certificate) throws Exception {
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
        checker.setOcspResponder(URI.create(services.ocspUrl()));
        checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.NO_FALLBACK));
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(pki.root(CertKind.AUTH, 2), null)));
        params.addCertPathChecker(checker);
        validator.validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate)), params);
    }

    private X509CRL crl(CertKind kind, int generation) throws Exception {
        HttpResponse<byte[]> response = get(services.crlBaseUrl() + kind.id() + "-g" + generation + ".crl");
        assertThat(response.statusCode()).isEqualTo(200);
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(response.body()));
    }

    private static byte[] request(X509Certificate certificate, X509Certificate issuer, byte[] nonce) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
        OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
        if (nonce != null) {
            builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(new DEROctetString(nonce).getEncoded()))));
        }
        OCSPReq request = builder.build();
        return request.getEncoded();
    }

    private HttpResponse<byte[]> post(byte[] der) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(services.ocspUrl()))
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(der)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static BasicOCSPResp basic(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        OCSPResp ocsp = new OCSPResp(response.body());
        assertThat(ocsp.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        return (BasicOCSPResp) ocsp.getResponseObject();
    }
}
