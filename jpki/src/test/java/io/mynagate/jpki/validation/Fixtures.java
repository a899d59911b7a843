package io.mynagate.jpki.validation;

import io.mynagate.jpki.testing.TestPki;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

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

    /** An authentication certificate without authorityKeyIdentifier: only the signature tells its issuer. */
    static X509Certificate authWithoutKeyIdentifier(TestPki.Issued issuer) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuer.certificate().getSubjectX500Principal(), TestPki.nextSerial(),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))),
                    new X500Principal("C=JP,CN=NOAKI0001"), TestPki.sharedKeyPair("validation-ee").getPublic());
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.privateKey())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
