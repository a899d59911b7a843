package io.mynagate.jpki.validation;

import static io.mynagate.jpki.validation.Fixtures.ROOT;
import static io.mynagate.jpki.validation.Fixtures.auth;
import static io.mynagate.jpki.validation.Fixtures.validateNow;
import static io.mynagate.jpki.validation.Fixtures.validator;
import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.jpki.Reason;
import io.mynagate.jpki.testing.TestPki;
import io.mynagate.jpki.validation.RevocationStatus.State;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * A platform operator's revocation API plugged in as a {@link RevocationSource} with evidence of its
 * own: it decides validations, and its evidence is what the result carries.
 */
class OperatorRevocationSourceTest {
    private static final TestPki.Issued CARD = Fixtures.auth(ROOT);

    /** What an operator's answer holds: its transaction id and time, no data of the resident. */
    record OperatorEvidence(String transactionId, Instant answeredAt) implements RevocationEvidence {
        @Override
        public Instant thisUpdate() {
            return answeredAt;
        }

        @Override
        public Optional<Instant> nextUpdate() {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "operator answer " + transactionId;
        }

        @Override
        public Map<String, String> toMap() {
            return Map.of("type", "operator", "transactionId", transactionId, "answeredAt", answeredAt.toString());
        }
    }

    /** Answers from a list of revoked serials, as an operator's API would. */
    private static RevocationSource operator(Set<BigInteger> revokedSerials) {
        return (X509Certificate certificate, X509Certificate issuer, Instant at) -> new RevocationStatus(
                revokedSerials.contains(certificate.getSerialNumber()) ? State.REVOKED : State.GOOD,
                new OperatorEvidence("tx-" + certificate.getSerialNumber().mod(BigInteger.valueOf(1000)), at));
    }

    @Test
    void anOperatorSourceAcceptsWithItsEvidence() {
        CertificateValidator validator = validator(RequiredProfile.AUTHENTICATION, ROOT)
                .revocationSource(operator(Set.of())).build();

        ValidationResult result = validateNow(validator, CARD);

        assertThat(result.reason()).isEqualTo(Reason.VALID);
        assertThat(result.evidence()).containsInstanceOf(OperatorEvidence.class);
        assertThat(result.evidence().orElseThrow().toMap()).containsEntry("type", "operator");
    }

    @Test
    void anOperatorSourceRejectsARevokedCertificateWithItsEvidence() {
        TestPki.Issued revoked = auth(ROOT);
        CertificateValidator validator = validator(RequiredProfile.AUTHENTICATION, ROOT)
                .revocationSource(operator(Set.of(revoked.certificate().getSerialNumber()))).build();

        ValidationResult result = validateNow(validator, revoked);

        assertThat(result.reason()).isEqualTo(Reason.REVOKED);
        assertThat(result.evidence().orElseThrow()).isInstanceOf(OperatorEvidence.class);
        assertThat(((OperatorEvidence) result.evidence().orElseThrow()).transactionId()).startsWith("tx-");
    }
}
