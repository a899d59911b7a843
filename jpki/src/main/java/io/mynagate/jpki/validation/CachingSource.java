package io.mynagate.jpki.validation;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * See {@link RevocationSources#cached(RevocationSource, int, Duration)}. Keyed by the SHA-256 of the
 * issuer's public key and the serial number (issuer name alone is ambiguous across JPKI root generations).
 */
final class CachingSource implements RevocationSource {
    private record Key(String issuerKey, BigInteger serial) {}

    private record Entry(RevocationStatus status, Instant from, Instant until) {
        boolean currentAt(Instant at) {
            return !at.isBefore(from) && !at.isAfter(until);
        }
    }

    /* The issuers are the few CA keys, met on every check: their hash is computed once, not per login. */
    private static final DerMemo<String> ISSUER_KEY_HASHES = new DerMemo<>(64);

    private final RevocationSource delegate;
    private final int maxEntries;
    private final Duration maxAgeWithoutNextUpdate;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    CachingSource(RevocationSource delegate, int maxEntries, Duration maxAgeWithoutNextUpdate) {
        this.delegate = delegate;
        this.maxEntries = maxEntries;
        this.maxAgeWithoutNextUpdate = maxAgeWithoutNextUpdate;
    }

    @Override
    public RevocationStatus check(X509Certificate certificate, X509Certificate issuer, Instant at)
            throws RevocationCheckException {
        return cached(certificate, issuer, at, () -> delegate.check(certificate, issuer, at));
    }

    @Override
    public RevocationStatus check(X509Certificate certificate, ValidatedPath path, Instant at)
            throws RevocationCheckException {
        return cached(certificate, path.issuerOf(certificate), at, () -> delegate.check(certificate, path, at));
    }

    /** The delegate's answer, asked for only when no current answer is cached. */
    private interface Answer {
        RevocationStatus get() throws RevocationCheckException;
    }

    private RevocationStatus cached(X509Certificate certificate, X509Certificate issuer, Instant at, Answer answer)
            throws RevocationCheckException {
        Key key = new Key(keyHash(issuer), certificate.getSerialNumber());
        Entry cached = entries.get(key);
        if (cached != null && cached.currentAt(at)) {
            return cached.status();
        }
        RevocationStatus status = answer.get();
        if (status.state() != RevocationStatus.State.UNKNOWN) {
            RevocationEvidence evidence = status.evidence();
            Instant until = evidence.nextUpdate().orElse(evidence.thisUpdate().plus(maxAgeWithoutNextUpdate));
            makeRoom(at);
            entries.put(key, new Entry(status, evidence.thisUpdate(), until));
        }
        return status;
    }

    private void makeRoom(Instant at) {
        if (entries.size() < maxEntries) {
            return;
        }
        entries.values().removeIf(entry -> !entry.currentAt(at));
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
    }

    private static String keyHash(X509Certificate issuer) {
        return ISSUER_KEY_HASHES.get(issuer.getPublicKey().getEncoded(), CachingSource::sha256);
    }

    private static String sha256(byte[] encodedKey) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(encodedKey));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }
}
