package io.mynagate.jpki.validation;

import io.mynagate.jpki.testing.TestPki;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Shared material of the validation tests: production-shaped roots (O=JPKI) with shared keys. */
final class Fixtures {
    static final String AUTH_UNIT = "JPKI for user authentication";

    /** A root shaped like the 2023 generation. */
    static final TestPki.Issued ROOT = TestPki.root().rootOrganization("JPKI", AUTH_UNIT)
            .keyPair(TestPki.sharedKeyPair("validation-root-a")).issue();
    /** Another generation: the same DN, another key. */
    static final TestPki.Issued ROOT_SAME_NAME = TestPki.root().rootOrganization("JPKI", AUTH_UNIT)
            .keyPair(TestPki.sharedKeyPair("validation-root-b")).issue();

    private Fixtures() {}

    static TestPki.Issued auth(TestPki.Issued issuer) {
        return TestPki.authenticationCertificate(issuer).keyPair(TestPki.sharedKeyPair("validation-ee")).issue();
    }

    static TestPki.Issued sign(TestPki.Issued issuer) {
        return TestPki.signatureCertificate(issuer).keyPair(TestPki.sharedKeyPair("validation-ee")).issue();
    }

    static CrlEvidence crlEvidence() {
        Instant now = Instant.now();
        return new CrlEvidence("CN=test CA", BigInteger.ONE, now.minus(Duration.ofMinutes(1)),
                now.plus(Duration.ofHours(1)), "test");
    }

    static RevocationSource answering(RevocationStatus.State state) {
        return (certificate, issuer, at) -> new RevocationStatus(state, crlEvidence());
    }

    static RevocationSource failing(String message) {
        return (certificate, issuer, at) -> {
            throw new RevocationCheckException(message);
        };
    }

    static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static CertificateValidatorBuilder validator(RequiredProfile profile, TestPki.Issued... roots) {
        CertificateValidatorBuilder builder = CertificateValidator.builder().profile(profile);
        for (TestPki.Issued root : roots) {
            builder.trustAnchor(root.certificate());
        }
        return builder;
    }

    static ValidationResult validateNow(CertificateValidator validator, TestPki.Issued certificate,
            X509Certificate... intermediates) {
        return validator.validate(certificate.certificate(), List.of(intermediates), Instant.now());
    }
}
