package io.mynagate.jpki.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.jpki.Reason;
import io.mynagate.jpki.testing.TestPki;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** Validation with nothing but configured CRLs as the revocation source, for the CRL processing tests. */
final class CrlFixtures {
    static final Instant NOW = Instant.now();

    private CrlFixtures() {}

    /** A CA under {@code issuer} with the JPKI-like name {@code C=JP, O=JPKI, OU=<unit>} and a shared key. */
    static TestPki.Issued ca(TestPki.Issued issuer, String unit) {
        return TestPki.intermediate(issuer).subject("C=JP,O=JPKI,OU=" + unit)
                .keyPair(TestPki.sharedKeyPair("crl-ca-" + unit)).issue();
    }

    /** Validates {@code certificate} (user-authentication profile) with the given CRLs only. */
    static ValidationResult validate(TestPki.Issued anchor, X509Certificate certificate,
            List<X509Certificate> intermediates, X509CRL... crls) {
        CrlSourceBuilder source = RevocationSources.crl();
        for (X509CRL crl : crls) {
            source.crl(crl);
        }
        return Fixtures.validator(RequiredProfile.AUTHENTICATION, anchor).revocationSource(source.build()).build()
                .validate(certificate, intermediates, NOW);
    }

    /** The CRL evidence of a result that must have been decided by a CRL. */
    static CrlEvidence evidence(ValidationResult result) {
        assertThat(result.evidence()).as(result.toString()).containsInstanceOf(CrlEvidence.class);
        return (CrlEvidence) result.evidence().orElseThrow();
    }

    /** Asserts the outcome by reason, with the whole result in the failure message. */
    static void assertReason(ValidationResult result, Reason reason) {
        assertThat(result.reason()).as(result.toString()).isEqualTo(reason);
    }
}
