package io.mynagate.jpki.pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.jpki.Reason;
import io.mynagate.jpki.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemCertificatesTest {
    private static final TestPki.Issued ROOT = TestPki.root().keyPair(TestPki.sharedKeyPair("root")).issue();
    private static final X509Certificate CARD =
            TestPki.authenticationCertificate(ROOT).keyPair(TestPki.sharedKeyPair("auth")).issue().certificate();

    @TempDir
    Path dir;

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static String pem(X509Certificate certificate) throws Exception {
        return pem("CERTIFICATE", certificate.getEncoded());
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertMalformed(ThrowingCallable call) {
        return assertThatThrownBy(call).isInstanceOf(MalformedPemException.class)
                .satisfies(e -> assertThat(((MalformedPemException) e).reason()).isEqualTo(Reason.MALFORMED_CERTIFICATE));
    }

    @Test
    void readsEveryCertificateBlockInOrder() throws Exception {
        assertThat(PemCertificates.parse(pem(CARD) + pem(ROOT.certificate())))
                .containsExactly(CARD, ROOT.certificate());
    }

    @Test
    void ignoresTextOutsideTheBlocks() throws Exception {
        String text = "Subject: C=JP, O=JPKI-TEST\n  公的個人認証 root, for tests\n" + pem(CARD) + "trailing note\n";

        assertThat(PemCertificates.parse(text)).containsExactly(CARD);
    }

    @Test
    void acceptsCrLfLineEndsAndUnwrappedBase64() throws Exception {
        String text = "-----BEGIN CERTIFICATE-----\r\n" + Base64.getEncoder().encodeToString(CARD.getEncoded())
                + "\r\n-----END CERTIFICATE-----\r\n";

        assertThat(PemCertificates.parse(text)).containsExactly(CARD);
    }

    @Test
    void acceptsTheLegacyX509CertificateLabel() throws Exception {
        assertThat(PemCertificates.parse(pem("X509 CERTIFICATE", CARD.getEncoded()))).containsExactly(CARD);
    }

    @Test
    void readsAPemFile() throws Exception {
        Path file = Files.writeString(dir.resolve("bundle.pem"), pem(ROOT.certificate()) + pem(CARD));

        assertThat(PemCertificates.read(file)).containsExactly(ROOT.certificate(), CARD);
    }

    @Test
    void readsADerFile() throws Exception {
        Path file = Files.write(dir.resolve("card.der"), CARD.getEncoded());

        assertThat(PemCertificates.read(file)).containsExactly(CARD);
    }

    @Test
    void rejectsTextWithoutACertificateBlock() {
        assertMalformed(() -> PemCertificates.parse("just some text\n")).hasMessageContaining("no -----BEGIN CERTIFICATE");
    }

    @Test
    void rejectsAPrivateKeyBlockNamingItsLine() {
        String text = "# a bundle\n" + pem("PRIVATE KEY", new byte[] {0x30, 0x00});

        assertMalformed(() -> PemCertificates.parse(text)).hasMessageContaining("line 2").hasMessageContaining("PRIVATE KEY");
    }

    @Test
    void rejectsABlockWithoutItsEndLine() throws Exception {
        String text = pem(CARD).replace("-----END CERTIFICATE-----", "");

        assertMalformed(() -> PemCertificates.parse(text)).hasMessageContaining("no END line");
    }

    @Test
    void rejectsAnEndLineOfAnotherLabel() throws Exception {
        String text = pem(CARD).replace("-----END CERTIFICATE-----", "-----END X509 CRL-----");

        assertMalformed(() -> PemCertificates.parse(text)).hasMessageContaining("does not close BEGIN CERTIFICATE");
    }

    @Test
    void rejectsInvalidBase64() throws Exception {
        String text = pem(CARD).replaceFirst("\n", "\n*");

        assertMalformed(() -> PemCertificates.parse(text)).hasMessageContaining("not valid base64");
    }

    @Test
    void rejectsAnEmptyBlock() {
        assertMalformed(() -> PemCertificates.parse("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n"))
                .hasMessageContaining("empty");
    }

    @Test
    void rejectsABlockThatIsNotACertificate() {
        byte[] notACertificate = {0x30, 0x03, 0x02, 0x01, 0x05};

        assertMalformed(() -> PemCertificates.parse(pem("CERTIFICATE", notACertificate)))
                .hasMessageContaining("not an X.509 certificate");
    }

    @Test
    void rejectsDataAfterTheCertificate() throws Exception {
        byte[] der = Arrays.copyOf(CARD.getEncoded(), CARD.getEncoded().length + 2);

        assertMalformed(() -> PemCertificates.parse(pem("CERTIFICATE", der))).hasMessageContaining("data follows");
    }

    @Test
    void rejectsAnEmptyFileNamingIt() throws Exception {
        Path file = Files.write(dir.resolve("empty.pem"), new byte[0]);

        assertMalformed(() -> PemCertificates.read(file)).hasMessageContaining("empty.pem");
    }

    @Test
    void rejectsADerFileThatIsNotACertificate() throws Exception {
        Path file = Files.write(dir.resolve("junk.der"), new byte[] {0x30, 0x03, 0x02, 0x01, 0x05});

        assertMalformed(() -> PemCertificates.read(file)).hasMessageContaining("junk.der")
                .hasMessageContaining("not an X.509 certificate");
    }

    @Test
    void rejectsAFileLargerThanTheLimit() throws Exception {
        Path file = Files.write(dir.resolve("huge.pem"), new byte[PemCertificates.MAX_FILE_BYTES + 1]);

        assertMalformed(() -> PemCertificates.read(file)).hasMessageContaining("larger than");
    }

    @Test
    void reportsAMissingFileAsAnIoError() {
        assertThatThrownBy(() -> PemCertificates.read(dir.resolve("missing.pem"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void neverQuotesTheCertificateInItsMessage() throws Exception {
        String base64 = Base64.getEncoder().encodeToString(CARD.getEncoded());
        String broken = "-----BEGIN CERTIFICATE-----\n" + base64.substring(0, 200) + "!" + base64.substring(200)
                + "\n-----END CERTIFICATE-----\n";
        String truncated = pem("CERTIFICATE", Arrays.copyOf(CARD.getEncoded(), 300));

        for (String text : new String[] {broken, truncated}) {
            assertMalformed(() -> PemCertificates.parse(text))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(base64.substring(0, 40))
                            .doesNotContain(base64.substring(200, 240)).hasSizeLessThan(200));
        }
    }
}
