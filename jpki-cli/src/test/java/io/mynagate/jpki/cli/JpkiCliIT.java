package io.mynagate.jpki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.mynagate.jpki.testing.OpensslCa;
import io.mynagate.jpki.testing.TestPki;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs {@code bin/jpki verify} as a process, the way an operator does. */
class JpkiCliIT {
    private static Path dir;
    private static Path root;
    private static Path auth;
    private static Path sign;
    private static Path revoked;
    private static Path crl;
    private static Path testRoot;
    private static Path testCard;
    private static Path intermediate;
    private static Path underIntermediate;
    private static Path ecCard;
    private static OpensslCa openssl;
    private static URI ocsp;

    private record Run(int status, String out, String err) {}

    @BeforeAll
    static void makeMaterial() throws Exception {
        dir = Files.createTempDirectory("jpki-cli");
        TestPki.Issued ca = TestPki.root().rootOrganization("JPKI", "JPKI for user authentication")
                .keyPair(TestPki.sharedKeyPair("cli-root")).issue();
        TestPki.Issued authCard = TestPki.authenticationCertificate(ca).keyPair(TestPki.sharedKeyPair("cli-ee")).issue();
        TestPki.Issued revokedCard = TestPki.authenticationCertificate(ca).keyPair(TestPki.sharedKeyPair("cli-ee")).issue();
        root = write("root.pem", OpensslCa.pem(ca.certificate()));
        auth = write("auth.pem", OpensslCa.pem(authCard.certificate()));
        revoked = write("revoked.pem", OpensslCa.pem(revokedCard.certificate()));
        sign = write("sign.pem", OpensslCa.pem(TestPki.signatureCertificate(ca)
                .keyPair(TestPki.sharedKeyPair("cli-ee")).issue().certificate()));
        Instant now = Instant.now();
        X509CRL list = TestPki.crl(ca, BigInteger.valueOf(12), now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(1)), List.of(revokedCard.certificate().getSerialNumber()));
        crl = write("root.crl", "-----BEGIN X509 CRL-----\n" + Base64.getMimeEncoder().encodeToString(list.getEncoded())
                + "\n-----END X509 CRL-----\n");
        TestPki.Issued test = TestPki.root().keyPair(TestPki.sharedKeyPair("cli-test-root")).issue();
        testRoot = write("test-root.pem", OpensslCa.pem(test.certificate()));
        testCard = write("test-card.pem", OpensslCa.pem(TestPki.authenticationCertificate(test)
                .keyPair(TestPki.sharedKeyPair("cli-ee")).issue().certificate()));
        TestPki.Issued sub = TestPki.intermediate(ca).subject("C=JP,O=JPKI,OU=Intermediate")
                .keyPair(TestPki.sharedKeyPair("cli-intermediate")).issue();
        intermediate = write("intermediate.pem", OpensslCa.pem(sub.certificate()));
        underIntermediate = write("sub-card.pem", OpensslCa.pem(TestPki.authenticationCertificate(sub)
                .keyPair(TestPki.sharedKeyPair("cli-ee")).issue().certificate()));
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        ecCard = write("ec.pem", OpensslCa.pem(TestPki.authenticationCertificate(ca).keyPair(ec.generateKeyPair())
                .keyUsage(KeyUsage.keyAgreement).issue().certificate()));
        openssl = new OpensslCa(Files.createDirectory(dir.resolve("openssl")), ca)
                .issued(authCard.certificate()).revoked(revokedCard.certificate());
        ocsp = openssl.startOcspResponder(ca);
    }

    @AfterAll
    static void stop() {
        if (openssl != null) {
            openssl.close();
        }
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
    }

    private static Run jpki(Object... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(repositoryRoot().resolve("bin/jpki").toString());
        for (Object arg : args) {
            command.add(arg.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("JPKI_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -Xshare:auto");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("bin/jpki finished").isTrue();
        return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt")),
                Files.readString(dir.resolve("err.txt")));
    }

    private static Path repositoryRoot() {
        Path path = Path.of("").toAbsolutePath();
        while (path != null && !Files.isExecutable(path.resolve("bin/jpki"))) {
            path = path.getParent();
        }
        assertThat(path).as("repository root with bin/jpki").isNotNull();
        return path;
    }

    @Test
    void validCertificateExitsZero() throws Exception {
        Run run = jpki("verify", auth, "--trust", root, "--crl", crl, "--revocation", "crl");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("VALID").contains("CRL number 12");
    }

    @Test
    void revokedCertificateExitsOneWithTheReasonOnStdout() throws Exception {
        Run run = jpki("verify", revoked, "--trust", root, "--crl", crl, "--revocation", "crl");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).startsWith("INVALID REVOKED");
    }

    @Test
    void opensslOcspResponderDecides() throws Exception {
        Run good = jpki("verify", auth, "--trust", root, "--ocsp", ocsp, "--revocation", "ocsp");
        Run bad = jpki("verify", revoked, "--trust", root, "--ocsp", ocsp, "--revocation", "ocsp");

        assertThat(good.status()).as(good.toString()).isZero();
        assertThat(good.out()).contains("OCSP response from");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.out()).startsWith("INVALID REVOKED");
    }

    @Test
    void responderDownFailsClosed() throws Exception {
        Run run = jpki("verify", auth, "--trust", root, "--ocsp", OpensslCa.downUrl(), "--revocation", "ocsp");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).startsWith("INVALID REVOCATION_UNAVAILABLE");
    }

    @Test
    void missingAiaFailsClosedByDefault() throws Exception {
        Run run = jpki("verify", auth, "--trust", root);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).startsWith("INVALID REVOCATION_UNAVAILABLE");
    }

    @Test
    void wrongProfileExitsOne() throws Exception {
        Run run = jpki("verify", auth, "--trust", root, "--profile", "sign", "--revocation", "none");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).startsWith("INVALID PROFILE_MISMATCH");
    }

    @Test
    void signatureProfileAcceptsSignatureCertificate() throws Exception {
        assertThat(jpki("verify", sign, "--trust", root, "--profile", "sign", "--crl", crl).status()).isZero();
    }

    @Test
    void testRootsAreRefusedUnlessAllowed() throws Exception {
        Run refused = jpki("verify", testCard, "--trust", testRoot, "--revocation", "none");
        Run allowed = jpki("verify", testCard, "--trust", testRoot, "--revocation", "none", "--allow-test-roots");

        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.out()).startsWith("INVALID TEST_ROOT_REFUSED");
        assertThat(allowed.status()).isZero();
    }

    @Test
    void validatesAtTheGivenInstant() throws Exception {
        Run run = jpki("verify", auth, "--trust", root, "--revocation", "none",
                "--at", Instant.now().plus(Duration.ofDays(3650)));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).startsWith("INVALID EXPIRED");
    }

    @Test
    void followsGivenIntermediates() throws Exception {
        assertThat(jpki("verify", underIntermediate, "--trust", root, "--revocation", "none").status()).isEqualTo(1);
        assertThat(jpki("verify", underIntermediate, "--trust", root, "--intermediate", intermediate,
                "--revocation", "none").status()).isZero();
    }

    @Test
    void anyProfileIsPlainPathValidation() throws Exception {
        assertThat(jpki("verify", ecCard, "--trust", root, "--profile", "any", "--crl", crl, "--revocation", "crl")
                .status()).isZero();
    }

    @Test
    void printsJsonWithTheDecidingEvidence() throws Exception {
        Run run = jpki("verify", revoked, "--trust", root, "--crl", crl, "--revocation", "crl", "--json");

        Map<String, Object> json = JSONObjectUtils.parse(run.out());
        assertThat(run.status()).isEqualTo(1);
        assertThat(json).containsEntry("valid", false).containsEntry("reason", "REVOKED");
        assertThat(JSONObjectUtils.getJSONObject(json, "evidence")).containsEntry("crlNumber", "12");
    }

    @Test
    void usageErrorsExitTwoWithTheMessageOnStderr() throws Exception {
        Run noTrust = jpki("verify", auth);
        Run noFile = jpki("verify", dir.resolve("missing.pem"), "--trust", root, "--revocation", "none");
        Run badTime = jpki("verify", auth, "--trust", root, "--at", "yesterday");
        Run crlWithoutFile = jpki("verify", auth, "--trust", root, "--revocation", "crl");
        Run badProfile = jpki("verify", auth, "--trust", root, "--profile", "card");

        for (Run run : List.of(noTrust, noFile, badTime, crlWithoutFile, badProfile)) {
            assertThat(run.status()).as(run.toString()).isEqualTo(2);
            assertThat(run.out()).as(run.toString()).isEmpty();
            assertThat(run.err()).as(run.toString()).isNotBlank();
        }
        assertThat(noTrust.err()).contains("--trust");
        assertThat(noFile.err()).contains("missing.pem");
    }

    @Test
    void malformedPemExitsTwoNamingTheFileAndWhatIsWrong() throws Exception {
        Path broken = write("broken.pem", "-----BEGIN CERTIFICATE-----\nnot*base64\n-----END CERTIFICATE-----\n");

        Run run = jpki("verify", broken, "--trust", root, "--revocation", "none");

        assertThat(run.status()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("broken.pem").contains("not valid base64");
    }
}
