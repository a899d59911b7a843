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
        List<String> failures = new ArrayList<>();
        for (RevocationSource source : sources) {
            try {
                return source.check(certificate, issuer, at);
            } catch (RevocationCheckException e) {
                failures.add(e.getMessage());
            }
        }
        throw new RevocationCheckException(String.join("; ", failures));
    }
}
