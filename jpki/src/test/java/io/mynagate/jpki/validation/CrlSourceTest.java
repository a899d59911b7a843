package io.mynagate.jpki.validation;

import static io.mynagate.jpki.validation.Fixtures.ROOT;
import static io.mynagate.jpki.validation.Fixtures.ROOT_SAME_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.jpki.Reason;
import io.mynagate.jpki.testing.TestCrl;
import io.mynagate.jpki.testing.TestPki;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrlSourceTest {
    private static final Instant NOW = Instant.now();
    private static final TestPki.Issued CARD = Fixtures.auth(ROOT);
    private static final ASN1ObjectIdentifier UNKNOWN_EXTENSION = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1");

    private static X509CRL crl(TestPki.Issued issuer, Instant thisUpdate, Instant nextUpdate, BigInteger... revoked) {
        return TestPki.crl(issuer, BigInteger.valueOf(7), thisUpdate, nextUpdate, List.of(revoked));
    }

    private static X509CRL currentCrl(BigInteger... revoked) {
        return crl(ROOT, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)), revoked);
    }

    private static RevocationStatus check(X509CRL crl) throws RevocationCheckException {
        return RevocationSources.crl().crl(crl).build().check(CARD.certificate(), ROOT.certificate(), NOW);
    }

    @Test
    void reportsGoodWithCrlNumberAndIssuer() throws Exception {
        RevocationStatus status = check(currentCrl());

        assertThat(status.state()).isEqualTo(RevocationStatus.State.GOOD);
        CrlEvidence evidence = (CrlEvidence) status.evidence();
        assertThat(evidence.crlNumberOrNull()).isEqualTo(BigInteger.valueOf(7));
        assertThat(evidence.issuer()).isEqualTo(ROOT.certificate().getSubjectX500Principal().getName());
    }

    @Test
    void reportsRevoked() throws Exception {
        assertThat(check(currentCrl(CARD.certificate().getSerialNumber())).state())
                .isEqualTo(RevocationStatus.State.REVOKED);
    }

    @Test
    void rejectsAStaleCrl() {
        X509CRL stale = crl(ROOT, NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)));

        assertThatThrownBy(() -> check(stale)).isInstanceOf(RevocationCheckException.class)
                .hasMessageContaining("stale");
    }

    @Test
    void rejectsACrlIssuedAfterTheValidationTime() {
        X509CRL future = crl(ROOT, NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)));

        assertThatThrownBy(() -> check(future)).isInstanceOf(RevocationCheckException.class)
                .hasMessageContaining("after the validation time");
    }

    @Test
    void rejectsACrlSignedByAnotherKeyWithTheSameName() {
        X509CRL forged = crl(ROOT_SAME_NAME, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)));

        assertThatThrownBy(() -> check(forged)).isInstanceOf(RevocationCheckException.class)
                .hasMessageContaining("no supplied certificate of its issuer");
    }

    @Test
    void rejectsACrlWithoutKeyIdentifierWhoseSignatureDoesNotVerify() {
        X509CRL forged = TestCrl.by(ROOT_SAME_NAME).withoutAuthorityKeyIdentifier().build();

        assertThatThrownBy(() -> check(forged)).isInstanceOf(RevocationCheckException.class)
                .hasMessageContaining("signature does not verify")
                .extracting(e -> ((RevocationCheckException) e).reason()).isEqualTo(Reason.REVOCATION_UNAVAILABLE);
    }

    @Test
    void neverUsesACrlWithAnUnknownCriticalExtension() {
        // RFC 5280 section 5.2: such a CRL must not decide anything, not even "not listed".
        X509CRL unknown = TestCrl.by(ROOT).extension(UNKNOWN_EXTENSION, true, DERNull.INSTANCE).build();

        assertThatThrownBy(() -> check(unknown)).isInstanceOf(RevocationCheckException.class)
                .hasMessageContaining("unsupported critical CRL extension " + UNKNOWN_EXTENSION.getId())
                .extracting(e -> ((RevocationCheckException) e).reason()).isEqualTo(Reason.REVOCATION_UNAVAILABLE);
    }

    @Test
    void neverUsesACrlWithAnUnknownCriticalEntryExtension() {
        // RFC 5280 section 5.3: the whole CRL is unusable, also for certificates of other entries.
        X509CRL unknown = TestCrl.by(ROOT).revokeWithEntryExtension(BigInteger.TEN, UNKNOWN_EXTENSION, true).build();

        assertThatThrownBy(() -> check(unknown)).isInstanceOf(RevocationCheckException.class)
                .hasMessageContaining("unsupported critical CRL entry extension")
                .extracting(e -> ((RevocationCheckException) e).reason()).isEqualTo(Reason.REVOCATION_UNAVAILABLE);
    }

    @Test
    void ignoresUnknownNonCriticalExtensions() throws Exception {
        X509CRL informational = TestCrl.by(ROOT).extension(UNKNOWN_EXTENSION, false, DERNull.INSTANCE)
                .revokeWithEntryExtension(CARD.certificate().getSerialNumber(), UNKNOWN_EXTENSION, false).build();

        assertThat(check(informational).state()).isEqualTo(RevocationStatus.State.REVOKED);
    }

    @Test
    void usesAnotherCrlWhenOneCannotBeProcessed() throws Exception {
        X509CRL unknown = TestCrl.by(ROOT).number(8).extension(UNKNOWN_EXTENSION, true, DERNull.INSTANCE).build();
        RevocationSource source = RevocationSources.crl().crl(unknown).crl(currentCrl()).build();

        RevocationStatus status = source.check(CARD.certificate(), ROOT.certificate(), NOW);

        assertThat(status.state()).isEqualTo(RevocationStatus.State.GOOD);
        assertThat(((CrlEvidence) status.evidence()).crlNumberOrNull()).isEqualTo(BigInteger.valueOf(7));
    }

    @Test
    void acceptsTheIssuingDistributionPointCriticalOrNot() throws Exception {
        X509CRL critical = TestCrl.by(ROOT).onlyUserCertificates().revoke(CARD.certificate()).build();
        X509CRL nonCritical = TestCrl.by(ROOT).onlyUserCertificates().nonCriticalDistributionPoint()
                .revoke(CARD.certificate()).build();

        assertThat(check(critical).state()).isEqualTo(RevocationStatus.State.REVOKED);
        assertThat(check(nonCritical).state()).isEqualTo(RevocationStatus.State.REVOKED);
    }

    @Test
    void picksTheCrlOfTheRightRootGeneration() throws Exception {
        X509CRL otherGeneration = crl(ROOT_SAME_NAME, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)),
                CARD.certificate().getSerialNumber());
        RevocationSource source = RevocationSources.crl().crl(otherGeneration).crl(currentCrl()).build();

        assertThat(source.check(CARD.certificate(), ROOT.certificate(), NOW).state())
                .isEqualTo(RevocationStatus.State.GOOD);
    }

    @Test
    void rejectsWhenNoCrlIsFromTheIssuer() {
        TestPki.Issued otherCa = TestPki.root().subject("C=JP,O=JPKI,OU=Other")
                .keyPair(TestPki.sharedKeyPair("validation-root-b")).issue();
        X509CRL unrelated = crl(otherCa, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)));

        assertThatThrownBy(() -> check(unrelated)).isInstanceOf(RevocationCheckException.class)
                .hasMessageContaining("no configured CRL");
    }

    @Test
    void rejectsACrlFromAnIssuerWithoutCrlSign() {
        TestPki.Issued noCrlSign = TestPki.root().rootOrganization("JPKI", Fixtures.AUTH_UNIT)
                .keyUsage(KeyUsage.keyCertSign).keyPair(TestPki.sharedKeyPair("validation-root-a")).issue();

        assertThatThrownBy(() -> RevocationSources.crl().crl(currentCrl()).build()
                .check(CARD.certificate(), noCrlSign.certificate(), NOW))
                .isInstanceOf(RevocationCheckException.class).hasMessageContaining("cRLSign");
    }

    @Test
    void readsAPemCrlFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("root.crl");
        Files.writeString(file, "-----BEGIN X509 CRL-----\n"
                + Base64.getMimeEncoder().encodeToString(currentCrl().getEncoded())
                + "\n-----END X509 CRL-----\n", StandardCharsets.US_ASCII);

        RevocationStatus status = RevocationSources.crl().file(file).build()
                .check(CARD.certificate(), ROOT.certificate(), NOW);

        assertThat(((CrlEvidence) status.evidence()).location()).isEqualTo("root.crl");
    }

    @Test
    void cachesADownloadedCrlUntilNextUpdate() throws Exception {
        byte[] crl = crl(ROOT, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1))).getEncoded();
        AtomicInteger downloads = new AtomicInteger();
        RevocationSource source = RevocationSources.crl().url(URI.create("http://crl.example.test/root.crl"))
                .transport((uri, body, type) -> {
                    downloads.incrementAndGet();
                    return crl.clone();
                }).build();

        source.check(CARD.certificate(), ROOT.certificate(), NOW);
        source.check(CARD.certificate(), ROOT.certificate(), NOW.plus(Duration.ofMinutes(30)));
        assertThat(downloads).hasValue(1);

        assertThatThrownBy(() -> source.check(CARD.certificate(), ROOT.certificate(), NOW.plus(Duration.ofHours(2))))
                .isInstanceOf(RevocationCheckException.class).hasMessageContaining("stale");
        assertThat(downloads).hasValue(2);
    }

    @Test
    void failsWhenTheCrlServerIsDown() {
        RevocationSource source = RevocationSources.crl().url(URI.create("http://crl.example.test/root.crl"))
                .transport((uri, body, type) -> {
                    throw new java.net.ConnectException("Connection refused");
                }).build();

        assertThatThrownBy(() -> source.check(CARD.certificate(), ROOT.certificate(), NOW))
                .isInstanceOf(RevocationCheckException.class).hasMessageContaining("unavailable");
    }

    @Test
    void rejectsAMalformedCrl() {
        RevocationSource source = RevocationSources.crl().url(URI.create("http://crl.example.test/root.crl"))
                .transport((uri, body, type) -> new byte[] {0x30, 0x00}).build();

        assertThatThrownBy(() -> source.check(CARD.certificate(), ROOT.certificate(), NOW))
                .isInstanceOf(RevocationCheckException.class).hasMessageContaining("malformed");
    }

    @Test
    void requiresAtLeastOneCrlLocation() {
        assertThatThrownBy(() -> RevocationSources.crl().build()).isInstanceOf(IllegalStateException.class);
    }
}
