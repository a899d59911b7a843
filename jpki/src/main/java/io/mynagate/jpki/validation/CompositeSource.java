package io.mynagate.jpki.validation;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** See {@link RevocationSources#firstAvailable(List)}. */
final class CompositeSource implements RevocationSource {
    private final List<RevocationSource> sources;

    CompositeSource(List<RevocationSource> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public RevocationStatus check(X509Certificate certificate, X509Certificate issuer, Instant at)
            throws RevocationCheckException {
        return first(source -> source.check(certificate, issuer, at));
    }

    @Override
    public RevocationStatus check(X509Certificate certificate, ValidatedPath path, Instant at)
            throws RevocationCheckException {
        return first(source -> source.check(certificate, path, at));
    }

    private RevocationStatus first(Question question) throws RevocationCheckException {
        List<String> failures = new ArrayList<>();
        for (RevocationSource source : sources) {
            try {
                return question.ask(source);
            } catch (RevocationCheckException e) {
                failures.add(e.getMessage());
            }
        }
        throw new RevocationCheckException(String.join("; ", failures));
    }

    /** One of the two {@code check} calls, put to one source. */
    private interface Question {
        RevocationStatus ask(RevocationSource source) throws RevocationCheckException;
    }
}
