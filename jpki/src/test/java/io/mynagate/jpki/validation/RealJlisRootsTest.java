package io.mynagate.jpki.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.jpki.Reason;
import io.mynagate.jpki.pem.PemCertificates;
import io.mynagate.jpki.testing.TestPki;
import java.net.URL;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real J-LIS roots (test resources {@code jpki-roots/}, public data) as production trust anchors: they
 * parse with {@link PemCertificates}, the builder takes them without {@code allowTestRoots()}, and each one
 * validates as its own path. The builder takes any anchor; an {@code O=JPKI-TEST} root is refused when a
 * path ends at it ({@link Reason#TEST_ROOT_REFUSED}), not at {@code build()}.
 */
class RealJlisRootsTest {
    /** Both generations are valid then. */
    private static final Instant BOTH_GENERATIONS_VALID = Instant.parse("2024-06-01T00:00:00Z");
    /** The SHA-256 fingerprints J-LIS publishes (jpki-roots/README.md). */
    private static final Map<String, String> FINGERPRINTS = Map.of(
            "auth_ca_2015.pem", "4DCFC4CA0AAF9FB2A3081B3F0C991C320B3ACC008667A341EEAEC5AF1D58CA7D",
            "auth_ca_2023.pem", "64114F29620C24ED2631D46476A040E7EE740D956089C00B036A6A8118C322B5",
            "sign_ca_2015.pem", "19645405A1FE14377434BD55957628AC4038557C542403A2243F21C706FC9355",
            "sign_ca_2023.pem", "D227F6CDE11D35C5252178F106F843D24651944975413B539FA2FB68DBFA365F");

    private static final X509Certificate AUTH_2015 = root("auth_ca_2015.pem");
    private static final X509Certificate AUTH_2023 = root("auth_ca_2023.pem");
    private static final X509Certificate SIGN_2015 = root("sign_ca_2015.pem");
    private static final X509Certificate SIGN_2023 = root("sign_ca_2023.pem");
    private static final List<X509Certificate> REAL_ROOTS = List.of(AUTH_2015, AUTH_2023, SIGN_2015, SIGN_2023);

    private static X509Certificate root(String name) {
        try {
            URL resource = RealJlisRootsTest.class.getResource("/jpki-roots/" + name);
            assertThat(resource).as("test resource jpki-roots/" + name).isNotNull();
            List<X509Certificate> certificates = PemCertificates.read(Path.of(resource.toURI()));
            assertThat(certificates).as(name).hasSize(1);
            return certificates.get(0);
        } catch (Exception e) {
            throw new AssertionError("cannot read jpki-roots/" + name, e);
        }
    }

    /** As a relying party configures it: the real roots, no test roots, plain RFC 5280 for the roots themselves. */
    private static CertificateValidatorBuilder production(RequiredProfile profile, List<X509Certificate> anchors) {
        return CertificateValidator.builder().profile(profile).trustAnchors(anchors).withoutRevocationChecking();
    }

    private static String sha256(X509Certificate certificate) throws Exception {
        return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    @Test
    void theRootsAreTheOnesJlisPublishes() throws Exception {
        for (Map.Entry<String, String> published : FINGERPRINTS.entrySet()) {
            assertThat(sha256(root(published.getKey()))).as(published.getKey()).isEqualTo(published.getValue());
        }
    }

    @Test
    void theRootsAreSelfSignedRsa2048WithTheJpkiName() throws Exception {
        for (X509Certificate root : REAL_ROOTS) {
            root.verify(root.getPublicKey());
            assertThat(((RSAPublicKey) root.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
            assertThat(root.getSigAlgName()).isEqualTo("SHA256withRSA");
            assertThat(root.getBasicConstraints()).as("a CA").isGreaterThanOrEqualTo(0);
            assertThat(root.getSubjectX500Principal().getName()).startsWith("OU=Japan Agency for Local Authority")
                    .endsWith(",O=JPKI,C=JP");
        }
    }

    @Test
    void generationsShareOneSubjectName() {
        assertThat(AUTH_2023.getSubjectX500Principal()).isEqualTo(AUTH_2015.getSubjectX500Principal());
        assertThat(SIGN_2023.getSubjectX500Principal()).isEqualTo(SIGN_2015.getSubjectX500Principal());
        assertThat(AUTH_2023.getPublicKey()).isNotEqualTo(AUTH_2015.getPublicKey());
    }

    @Test
    void productionConfigurationAcceptsEachRealRootAsItsOwnPath() {
        CertificateValidator validator = production(RequiredProfile.ANY_SKIPPING_JPKI_PROFILE_CHECKS, REAL_ROOTS).build();

        for (X509Certificate root : REAL_ROOTS) {
            ValidationResult result = validator.validate(root, List.of(), BOTH_GENERATIONS_VALID);
            assertThat(result.reason()).as(result.message()).isEqualTo(Reason.VALID);
        }
    }

    @Test
    void tellsTheGenerationsApartBySignatureNotName() {
        CertificateValidator onlyTheOtherGeneration = production(RequiredProfile.ANY_SKIPPING_JPKI_PROFILE_CHECKS, List.of(AUTH_2015)).build();

        assertThat(onlyTheOtherGeneration.validate(AUTH_2023, List.of(), BOTH_GENERATIONS_VALID).reason())
                .isEqualTo(Reason.INVALID_PATH);
    }

    @Test
    void the2015GenerationExpiredOn2025_10_19() {
        CertificateValidator validator = production(RequiredProfile.ANY_SKIPPING_JPKI_PROFILE_CHECKS, REAL_ROOTS).build();
        Instant afterExpiry = Instant.parse("2025-10-20T00:00:00Z");

        assertThat(validator.validate(AUTH_2015, List.of(), afterExpiry).reason()).isEqualTo(Reason.EXPIRED);
        assertThat(validator.validate(AUTH_2023, List.of(), afterExpiry).reason()).isEqualTo(Reason.VALID);
    }

    @Test
    void rejectsACardForgedUnderARealRootName() {
        TestPki.Issued impostor = new TestPki.Issued(AUTH_2023, TestPki.sharedKeyPair("validation-root-b"));
        X509Certificate forged = TestPki.authenticationCertificate(impostor)
                .keyPair(TestPki.sharedKeyPair("validation-ee"))
                .validity(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z"))
                .issue().certificate();

        ValidationResult result = production(RequiredProfile.AUTHENTICATION, REAL_ROOTS).build()
                .validate(forged, List.of(), BOTH_GENERATIONS_VALID);

        assertThat(result.reason()).isEqualTo(Reason.INVALID_PATH);
    }

    @Test
    void refusesACardUnderAJpkiTestRootByDefault() {
        TestPki.Issued testRoot = TestPki.root().keyPair(TestPki.sharedKeyPair("validation-test-root")).issue();
        List<X509Certificate> anchors = new ArrayList<>(REAL_ROOTS);
        anchors.add(testRoot.certificate());
        // The builder takes the test root as an anchor; the refusal is the validator's, per path.
        CertificateValidator validator = production(RequiredProfile.AUTHENTICATION, anchors).build();

        ValidationResult result = validator.validate(Fixtures.auth(testRoot).certificate(), List.of(), Instant.now());

        assertThat(result.isValid()).isFalse();
        assertThat(result.reason()).isEqualTo(Reason.TEST_ROOT_REFUSED);
    }

    @Test
    void acceptsACardUnderAJpkiTestRootOnlyWhenTestRootsAreAllowed() {
        TestPki.Issued testRoot = TestPki.root().keyPair(TestPki.sharedKeyPair("validation-test-root")).issue();
        List<X509Certificate> anchors = new ArrayList<>(REAL_ROOTS);
        anchors.add(testRoot.certificate());
        CertificateValidator validator = production(RequiredProfile.AUTHENTICATION, anchors).allowTestRoots().build();

        assertThat(validator.validate(Fixtures.auth(testRoot).certificate(), List.of(), Instant.now()).reason())
                .isEqualTo(Reason.VALID);
    }

    @Test
    void refusesAJpkiTestRootItselfByDefault() {
        TestPki.Issued testRoot = TestPki.root().keyPair(TestPki.sharedKeyPair("validation-test-root")).issue();
        CertificateValidator validator = production(RequiredProfile.ANY_SKIPPING_JPKI_PROFILE_CHECKS, List.of(testRoot.certificate())).build();

        assertThat(validator.validate(testRoot.certificate(), List.of(), Instant.now()).reason())
                .isEqualTo(Reason.TEST_ROOT_REFUSED);
    }
}
