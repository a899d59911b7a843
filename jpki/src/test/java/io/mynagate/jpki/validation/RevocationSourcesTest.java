package io.mynagate.jpki.validation;

import static io.mynagate.jpki.validation.Fixtures.ROOT;
import static io.mynagate.jpki.validation.Fixtures.answering;
import static io.mynagate.jpki.validation.Fixtures.failing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.jpki.testing.TestPki;
import io.mynagate.jpki.validation.RevocationStatus.State;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RevocationSourcesTest {
    private static final TestPki.Issued CARD = Fixtures.auth(ROOT);
    private static final Instant NOW = Instant.now();

    private static RevocationStatus check(RevocationSource source, Instant at) throws RevocationCheckException {
        return source.check(CARD.certificate(), ROOT.certificate(), at);
    }

    @Test
    void compositeUsesTheFirstDecisiveAnswer() throws Exception {
        AtomicInteger crlCalls = new AtomicInteger();
        RevocationSource crl = (c, i, at) -> {
            crlCalls.incrementAndGet();
            return new RevocationStatus(State.GOOD, Fixtures.crlEvidence());
        };

        RevocationStatus status = check(RevocationSources.firstAvailable(List.of(answering(State.REVOKED), crl)), NOW);

        assertThat(status.state()).isEqualTo(State.REVOKED);
        assertThat(crlCalls).hasValue(0);
    }

    @Test
    void compositeFallsBackWhenTheFirstSourceIsUnavailable() throws Exception {
        RevocationSource composite = RevocationSources.firstAvailable(List.of(failing("ocsp down"), answering(State.GOOD)));

        assertThat(check(composite, NOW).state()).isEqualTo(State.GOOD);
    }

    @Test
    void compositeStopsAtAnUnknownAnswer() throws Exception {
        RevocationSource composite =
                RevocationSources.firstAvailable(List.of(answering(State.UNKNOWN), answering(State.GOOD)));

        assertThat(check(composite, NOW).state()).isEqualTo(State.UNKNOWN);
    }

    @Test
    void compositeFailsWithEveryReasonWhenAllFail() {
        RevocationSource composite = RevocationSources.firstAvailable(List.of(failing("ocsp down"), failing("crl stale")));

        assertThatThrownBy(() -> check(composite, NOW)).isInstanceOf(RevocationCheckException.class)
                .hasMessageContaining("ocsp down").hasMessageContaining("crl stale");
    }

    @Test
    void cacheAnswersFromMemoryWhileTheEvidenceIsCurrent() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        RevocationSource cached = RevocationSources.cached((c, i, at) -> {
            calls.incrementAndGet();
            return new RevocationStatus(State.GOOD, Fixtures.crlEvidence());
        });

        check(cached, NOW);
        check(cached, NOW.plus(Duration.ofMinutes(30)));
        assertThat(calls).hasValue(1);

        check(cached, NOW.plus(Duration.ofHours(2)));
        assertThat(calls).hasValue(2);
    }

    @Test
    void cacheDoesNotKeepFailuresOrUnknownAnswers() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        RevocationSource cached = RevocationSources.cached((c, i, at) -> {
            if (calls.incrementAndGet() == 1) {
                throw new RevocationCheckException("down");
            }
            return new RevocationStatus(State.UNKNOWN, Fixtures.crlEvidence());
        });

        assertThatThrownBy(() -> check(cached, NOW)).isInstanceOf(RevocationCheckException.class);
        check(cached, NOW);
        check(cached, NOW);
        assertThat(calls).hasValue(3);
    }

    @Test
    void cacheSeparatesIssuersWithTheSameName() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        RevocationSource cached = RevocationSources.cached((c, i, at) -> {
            calls.incrementAndGet();
            return new RevocationStatus(State.GOOD, Fixtures.crlEvidence());
        });
        TestPki.Issued sameSerialOtherGeneration = TestPki.authenticationCertificate(Fixtures.ROOT_SAME_NAME)
                .serial(CARD.certificate().getSerialNumber()).keyPair(TestPki.sharedKeyPair("validation-ee")).issue();

        check(cached, NOW);
        cached.check(sameSerialOtherGeneration.certificate(), Fixtures.ROOT_SAME_NAME.certificate(), NOW);

        assertThat(calls).hasValue(2);
    }

    @Test
    void cacheStaysWithinItsBound() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        RevocationSource cached = RevocationSources.cached((c, i, at) -> {
            calls.incrementAndGet();
            return new RevocationStatus(State.GOOD, Fixtures.crlEvidence());
        }, 1, Duration.ofMinutes(5));
        TestPki.Issued other = TestPki.authenticationCertificate(ROOT).serial(BigInteger.valueOf(99))
                .keyPair(TestPki.sharedKeyPair("validation-ee")).issue();

        check(cached, NOW);
        cached.check(other.certificate(), ROOT.certificate(), NOW);
        check(cached, NOW);

        assertThat(calls).hasValue(3);
    }
}
