package io.mynagate.jpki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.mynagate.jpki.Reason;
import io.mynagate.jpki.testing.OpensslCa;
import io.mynagate.jpki.testing.TestCrl;
import io.mynagate.jpki.testing.TestPki;
import io.mynagate.jpki.validation.CertificateValidator;
import io.mynagate.jpki.validation.CrlSourceBuilder;
import io.mynagate.jpki.validation.RequiredProfile;
import io.mynagate.jpki.validation.RevocationSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jpki verify} judges the RFC 5280 section 6.3 CRL cases as the library does: each case runs the
 * command ({@link JpkiCli#run}, what {@code bin/jpki} executes) on files and the library's validator on
 * the same certificates and CRLs, and both must give the expected verdict.
 */
class VerifyCrlTest {
    private static final String POINT = "http://crl.example.test/partition-1.crl";
    private static final AtomicInteger FILES = new AtomicInteger();

    @TempDir
    static Path dir;

    private static TestPki.Issued root;
    private static X509CRL rootCrl;
    private static Case delta;
    private static Case partitioned;
    private static Case separate;

    /** One CA's material: its certificate(s), a good and a revoked card, its CRLs. */
    private record Case(List<X509Certificate> intermediates, X509Certificate good, X509Certificate revoked,
            List<X509CRL> crls) {}

    private record Run(int status, String out, String err) {}

    @BeforeAll
    static void makeMaterial() {
        root = TestPki.root().rootOrganization("JPKI", "JPKI for user authentication")
                .keyPair(TestPki.sharedKeyPair("cli-crl-root")).issue();
        rootCrl = TestCrl.by(root).number(1).build();
        delta = deltaCase();
        partitioned = partitionedCase();
        separate = separateSignerCase();
    }

    /** A complete CRL that announces deltas (Freshest CRL) and a delta that alone revokes a card. */
    private static Case deltaCase() {
        TestPki.Issued ca = ca("Delta CA", "cli-crl-delta-ca");
        TestPki.Issued good = card(ca);
        TestPki.Issued revoked = card(ca);
        X509CRL complete = TestCrl.by(ca).number(20).freshestCrl("http://crl.example.test/delta.crl").build();
        X509CRL deltaCrl = TestCrl.by(ca).number(21).deltaOf(20).revoke(revoked.certificate()).build();
        return new Case(List.of(ca.certificate()), good.certificate(), revoked.certificate(), List.of(complete, deltaCrl));
    }

    /** A CRL with a critical issuing distribution point naming the cards' distribution point. */
    private static Case partitionedCase() {
        TestPki.Issued ca = ca("Partitioned CA", "cli-crl-partitioned-ca");
        TestPki.Issued good = cardWithPoint(ca);
        TestPki.Issued revoked = cardWithPoint(ca);
        X509CRL crl = TestCrl.by(ca).number(30).distributionPoint(POINT).onlyUserCertificates()
                .revoke(revoked.certificate()).build();
        return new Case(List.of(ca.certificate()), good.certificate(), revoked.certificate(), List.of(crl));
    }

    /** The CA signs certificates with one key and CRLs with another, certified separately (PKITS 4.4.19). */
    private static Case separateSignerCase() {
        TestPki.Issued ca = TestPki.intermediate(root).subject("C=JP,O=JPKI,OU=Separate CA")
                .keyUsage(KeyUsage.keyCertSign).keyPair(TestPki.sharedKeyPair("cli-crl-separate-ca")).issue();
        TestPki.Issued signer = TestPki.intermediate(root).subject("C=JP,O=JPKI,OU=Separate CA").endEntity()
                .keyUsage(KeyUsage.cRLSign).keyPair(TestPki.sharedKeyPair("cli-crl-separate-signer")).issue();
        TestPki.Issued good = card(ca);
        TestPki.Issued revoked = card(ca);
        X509CRL crl = TestCrl.by(signer).number(40).revoke(revoked.certificate()).build();
        return new Case(List.of(ca.certificate(), signer.certificate()), good.certificate(), revoked.certificate(),
                List.of(crl));
    }

    private static TestPki.Issued ca(String unit, String key) {
        return TestPki.intermediate(root).subject("C=JP,O=JPKI,OU=" + unit).keyPair(TestPki.sharedKeyPair(key)).issue();
    }

    private static TestPki.Issued card(TestPki.Issued ca) {
        return TestPki.authenticationCertificate(ca).keyPair(TestPki.sharedKeyPair("cli-ee")).issue();
    }

    private static TestPki.Issued cardWithPoint(TestPki.Issued ca) {
        return TestPki.authenticationCertificate(ca).keyPair(TestPki.sharedKeyPair("cli-ee"))
                .extension(Extension.cRLDistributionPoints, false,
                        TestCrl.distributionPoints(TestCrl.point(POINT))).issue();
    }

    /** {@code jpki verify CARD --trust root --intermediate ... --crl root --crl ... --revocation crl [extra]}. */
    private static Run verify(X509Certificate card, List<X509Certificate> intermediates, List<X509CRL> crls,
            String... extra) throws IOException {
        List<String> args = new ArrayList<>(
                List.of("verify", pem(card).toString(), "--trust", pem(root.certificate()).toString()));
        for (X509Certificate intermediate : intermediates) {
            args.addAll(List.of("--intermediate", pem(intermediate).toString()));
        }
        args.addAll(List.of("--crl", der(rootCrl).toString()));
        for (X509CRL crl : crls) {
            args.addAll(List.of("--crl", der(crl).toString()));
        }
        args.addAll(List.of("--revocation", "crl"));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = JpkiCli.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new Run(status, out.toString(), err.toString());
    }

    /** The library's verdict on the same material. */
    private static Reason library(X509Certificate card, List<X509Certificate> intermediates, List<X509CRL> crls) {
        CrlSourceBuilder source = RevocationSources.crl().crl(rootCrl);
        crls.forEach(source::crl);
        CertificateValidator validator = CertificateValidator.builder().profile(RequiredProfile.AUTHENTICATION)
                .trustAnchor(root.certificate()).revocationSource(source.build()).build();
        return validator.validate(card, intermediates, Instant.now()).reason();
    }

    private static void assertVerdict(Run run, Reason library, Reason expected) {
        assertThat(library).as("library").isEqualTo(expected);
        assertThat(run.status()).as(run.toString()).isEqualTo(expected == Reason.VALID ? JpkiCli.VALID : JpkiCli.INVALID);
        assertThat(run.out()).as(run.toString())
                .startsWith(expected == Reason.VALID ? "VALID" : "INVALID " + expected.name());
    }

    private static Path pem(X509Certificate certificate) throws IOException {
        Path file = dir.resolve(certificate.getSerialNumber().toString(16) + ".pem");
        return Files.writeString(file, OpensslCa.pem(certificate), StandardCharsets.US_ASCII);
    }

    private static Path der(X509CRL crl) throws IOException {
        try {
            return Files.write(dir.resolve("crl-" + FILES.incrementAndGet() + ".crl"), crl.getEncoded());
        } catch (CRLException e) {
            throw new IOException(e);
        }
    }

    @Test
    void revokesACardListedOnlyOnTheDeltaCrl() throws Exception {
        Run run = verify(delta.revoked(), delta.intermediates(), delta.crls());

        assertVerdict(run, library(delta.revoked(), delta.intermediates(), delta.crls()), Reason.REVOKED);
        assertThat(run.out()).contains("CRL number 20 with delta CRL number 21");
    }

    @Test
    void acceptsTheOtherCardWithBothCrlNumbersInTheJson() throws Exception {
        Run run = verify(delta.good(), delta.intermediates(), delta.crls(), "--json");

        Map<String, Object> json = JSONObjectUtils.parse(run.out());
        assertThat(library(delta.good(), delta.intermediates(), delta.crls())).isEqualTo(Reason.VALID);
        assertThat(run.status()).as(run.toString()).isEqualTo(JpkiCli.VALID);
        assertThat(JSONObjectUtils.getJSONObject(json, "evidence"))
                .containsEntry("crlNumber", "20").containsEntry("deltaCrlNumber", "21");
    }

    @Test
    void refusesTheCompleteCrlAloneWhenItAnnouncesDeltas() throws Exception {
        List<X509CRL> withoutDelta = delta.crls().subList(0, 1);

        Run run = verify(delta.revoked(), delta.intermediates(), withoutDelta);

        assertVerdict(run, library(delta.revoked(), delta.intermediates(), withoutDelta), Reason.REVOCATION_UNAVAILABLE);
        assertThat(run.out()).contains("Freshest CRL");
    }

    @Test
    void acceptsACardInTheScopeOfACriticalIssuingDistributionPoint() throws Exception {
        Run run = verify(partitioned.good(), partitioned.intermediates(), partitioned.crls());

        assertVerdict(run, library(partitioned.good(), partitioned.intermediates(), partitioned.crls()), Reason.VALID);
        assertThat(run.out()).contains("CRL number 30");
    }

    @Test
    void revokesACardListedOnACrlWithACriticalIssuingDistributionPoint() throws Exception {
        Run run = verify(partitioned.revoked(), partitioned.intermediates(), partitioned.crls());

        assertVerdict(run, library(partitioned.revoked(), partitioned.intermediates(), partitioned.crls()),
                Reason.REVOKED);
    }

    @Test
    void acceptsACardByTheCrlOfASeparateCrlSignerGivenAsIntermediate() throws Exception {
        Run run = verify(separate.good(), separate.intermediates(), separate.crls());

        assertVerdict(run, library(separate.good(), separate.intermediates(), separate.crls()), Reason.VALID);
        assertThat(run.out()).contains("CRL number 40");
    }

    @Test
    void revokesACardByTheCrlOfASeparateCrlSignerGivenAsIntermediate() throws Exception {
        Run run = verify(separate.revoked(), separate.intermediates(), separate.crls());

        assertVerdict(run, library(separate.revoked(), separate.intermediates(), separate.crls()), Reason.REVOKED);
    }

    @Test
    void cannotUseTheSeparateSignersCrlWithoutItsCertificate() throws Exception {
        List<X509Certificate> caOnly = separate.intermediates().subList(0, 1);

        Run run = verify(separate.revoked(), caOnly, separate.crls());

        assertVerdict(run, library(separate.revoked(), caOnly, separate.crls()), Reason.REVOCATION_UNAVAILABLE);
    }
}
