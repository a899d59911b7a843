package io.mynagate.jpki.validation;

import static io.mynagate.jpki.validation.Fixtures.ROOT;
import static io.mynagate.jpki.validation.Fixtures.ROOT_SAME_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.jpki.testing.StubOcspResponder;
import io.mynagate.jpki.testing.StubOcspResponder.NonceMode;
import io.mynagate.jpki.testing.TestPki;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.junit.jupiter.api.Test;

class OcspSourceTest {
    private static final URI RESPONDER = URI.create("http://ocsp.example.test/");
    private static final TestPki.Issued CARD = TestPki.authenticationCertificate(ROOT)
            .keyPair(TestPki.sharedKeyPair("validation-ee")).ocspUrl("http://aia.example.test/ocsp").issue();
    private static final TestPki.Issued DELEGATED = TestPki.ocspResponderCertificate(ROOT)
            .keyPair(TestPki.sharedKeyPair("validation-ocsp")).issue();

    private static RevocationStatus check(StubOcspResponder responder) throws RevocationCheckException {
        return RevocationSources.ocsp().responderUrl(RESPONDER).transport(responder).build()
                .check(CARD.certificate(), ROOT.certificate(), Instant.now());
    }

    @Test
    void reportsGoodFromAResponseSignedByTheIssuingCa() throws Exception {
        RevocationStatus status = check(StubOcspResponder.signedBy(ROOT));

        assertThat(status.state()).isEqualTo(RevocationStatus.State.GOOD);
        OcspEvidence evidence = (OcspEvidence) status.evidence();
        assertThat(evidence.delegated()).isFalse();
        assertThat(evidence.nonceChecked()).isTrue();
        assertThat(evidence.responder()).isEqualTo(ROOT.certificate().getSubjectX500Principal().getName());
    }

    @Test
    void reportsRevoked() throws Exception {
        StubOcspResponder responder = StubOcspResponder.signedBy(ROOT).revoked(CARD.certificate().getSerialNumber());

        assertThat(check(responder).state()).isEqualTo(RevocationStatus.State.REVOKED);
    }

    @Test
    void reportsUnknown() throws Exception {
        StubOcspResponder responder = StubOcspResponder.signedBy(ROOT).unknown(CARD.certificate().getSerialNumber());

        assertThat(check(responder).state()).isEqualTo(RevocationStatus.State.UNKNOWN);
    }

    @Test
    void acceptsADelegatedResponderWithOcspSigning() throws Exception {
        RevocationStatus status = check(StubOcspResponder.signedBy(DELEGATED).includeSignerCertificate());

        assertThat(status.state()).isEqualTo(RevocationStatus.State.GOOD);
        assertThat(((OcspEvidence) status.evidence()).delegated()).isTrue();
    }

    @Test
    void rejectsADelegatedResponderWithoutOcspSigning() {
        TestPki.Issued noEku = TestPki.ocspResponderCertificate(ROOT).extendedKeyUsage()
                .keyPair(TestPki.sharedKeyPair("validation-ocsp")).issue();

        assertThatThrownBy(() -> check(StubOcspResponder.signedBy(noEku).includeSignerCertificate()))
                .isInstanceOf(RevocationCheckException.class).hasMessageContaining("not signed by");
    }

    @Test
    void rejectsAResponderCertifiedByAnotherCaWithTheSameName() {
        TestPki.Issued foreign = TestPki.ocspResponderCertificate(ROOT_SAME_NAME)
                .keyPair(TestPki.sharedKeyPair("validation-ocsp")).issue();

        assertThatThrownBy(() -> check(StubOcspResponder.signedBy(foreign).includeSignerCertificate()))
                .isInstanceOf(RevocationCheckException.class).hasMessageContaining("not signed by");
    }

    @Test
    void rejectsAnExpiredDelegatedResponder() {
        Instant now = Instant.now();
        TestPki.Issued expired = TestPki.ocspResponderCertificate(ROOT)
                .validity(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)))
                .keyPair(TestPki.sharedKeyPair("validation-ocsp")).issue();

        assertThatThrownBy(() -> check(StubOcspResponder.signedBy(expired).includeSignerCertificate()))
                .isInstanceOf(RevocationCheckException.class);
    }

    @Test
    void acceptsTheConfiguredDesignatedResponder() throws Exception {
        TestPki.Issued designated = TestPki.root().subject("C=JP,O=Operator,CN=designated OCSP")
                .keyPair(TestPki.sharedKeyPair("validation-ocsp")).issue();
        RevocationSource source = RevocationSources.ocsp().responderUrl(RESPONDER)
                .designatedResponder(designated.certificate())
                .transport(StubOcspResponder.signedBy(designated)).build();

        RevocationStatus status = source.check(CARD.certificate(), ROOT.certificate(), Instant.now());

        assertThat(status.state()).isEqualTo(RevocationStatus.State.GOOD);
        assertThat(((OcspEvidence) status.evidence()).responder()).contains("designated OCSP");
    }

    @Test
    void rejectsAResponseWithoutNonce() {
        assertThatThrownBy(() -> check(StubOcspResponder.signedBy(ROOT).nonce(NonceMode.OMIT)))
                .isInstanceOf(RevocationCheckException.class).hasMessageContaining("nonce");
    }

    @Test
    void acceptsAResponseWithoutNonceOnlyWhenAllowed() throws Exception {
        RevocationSource lenient = RevocationSources.ocsp().responderUrl(RESPONDER).allowResponsesWithoutNonce()
                .transport(StubOcspResponder.signedBy(ROOT).nonce(NonceMode.OMIT)).build();

        RevocationStatus status = lenient.check(CARD.certificate(), ROOT.certificate(), Instant.now());

        assertThat(((OcspEvidence) status.evidence()).nonceChecked()).isFalse();
    }

    @Test
    void rejectsAResponseWithAnotherNonce() {
        assertThatThrownBy(() -> check(StubOcspResponder.signedBy(ROOT).nonce(NonceMode.WRONG)))
                .isInstanceOf(RevocationCheckException.class).hasMessageContaining("nonce does not match");
    }

    @Test
    void rejectsAStaleResponse() {
        StubOcspResponder stale = StubOcspResponder.signedBy(ROOT)
                .updates(Duration.ofHours(-2), Duration.ofHours(-1));

        assertThatThrownBy(() -> check(stale)).isInstanceOf(RevocationCheckException.class)
                .hasMessageContaining("stale");
    }

    @Test
    void rejectsAResponseFromTheFuture() {
        StubOcspResponder future = StubOcspResponder.signedBy(ROOT)
                .updates(Duration.ofHours(1), Duration.ofHours(2));

        assertThatThrownBy(() -> check(future)).isInstanceOf(RevocationCheckException.class)
                .hasMessageContaining("after the validation time");
    }

    @Test
    void rejectsAnOldResponseWithoutNextUpdate() {
        StubOcspResponder old = StubOcspResponder.signedBy(ROOT).omitNextUpdate()
                .updates(Duration.ofMinutes(-30), Duration.ZERO);

        assertThatThrownBy(() -> check(old)).isInstanceOf(RevocationCheckException.class)
                .hasMessageContaining("stale");
    }

    @Test
    void acceptsARecentResponseWithoutNextUpdate() throws Exception {
        StubOcspResponder recent = StubOcspResponder.signedBy(ROOT).omitNextUpdate();

        assertThat(check(recent).evidence().nextUpdate()).isEmpty();
    }

    @Test
    void rejectsANonSuccessfulResponseStatus() {
        assertThatThrownBy(() -> check(StubOcspResponder.signedBy(ROOT).responseStatus(OCSPRespBuilder.TRY_LATER)))
                .isInstanceOf(RevocationCheckException.class).hasMessageContaining("tryLater");
    }

    @Test
    void rejectsAMalformedResponse() {
        assertThatThrownBy(() -> check(StubOcspResponder.signedBy(ROOT).raw(new byte[] {0x30, 0x03, 0x0a, 0x01})))
                .isInstanceOf(RevocationCheckException.class).hasMessageContaining("malformed");
    }

    @Test
    void rejectsAnAnswerAboutAnotherCertificate() {
        assertThatThrownBy(() -> check(StubOcspResponder.signedBy(ROOT).answerFor(BigInteger.valueOf(42))))
                .isInstanceOf(RevocationCheckException.class).hasMessageContaining("no answer");
    }

    @Test
    void failsWhenTheResponderIsDown() {
        RevocationSource down = RevocationSources.ocsp().responderUrl(RESPONDER)
                .transport((uri, body, type) -> {
                    throw new java.net.ConnectException("Connection refused");
                }).build();

        assertThatThrownBy(() -> down.check(CARD.certificate(), ROOT.certificate(), Instant.now()))
                .isInstanceOf(RevocationCheckException.class).hasMessageContaining("unavailable");
    }

    @Test
    void usesTheAuthorityInfoAccessUrlByDefault() throws Exception {
        StubOcspResponder responder = StubOcspResponder.signedBy(ROOT);

        RevocationSources.ocsp().transport(responder).build()
                .check(CARD.certificate(), ROOT.certificate(), Instant.now());

        assertThat(responder.uris()).containsExactly(URI.create("http://aia.example.test/ocsp"));
    }

    @Test
    void failsWithoutAuthorityInfoAccessOrConfiguredUrl() {
        TestPki.Issued noAia = Fixtures.auth(ROOT);
        RevocationSource source = RevocationSources.ocsp().transport(StubOcspResponder.signedBy(ROOT)).build();

        assertThatThrownBy(() -> source.check(noAia.certificate(), ROOT.certificate(), Instant.now()))
                .isInstanceOf(RevocationCheckException.class).hasMessageContaining("authorityInfoAccess");
    }

    @Test
    void refusesANonHttpResponderUrl() {
        assertThatThrownBy(() -> RevocationSources.ocsp().responderUrl(URI.create("ldap://x/")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
