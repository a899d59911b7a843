package io.mynagate.jpki.validation;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers what a pure function computed from some DER bytes (a key identifier parsed from an extension,
 * whether a name is a test name, a key's hash), keyed by those exact bytes. Every card a CA issues carries
 * the same authorityKeyIdentifier and issuer name, and validations keep meeting the same few trust anchors,
 * so the same bytes come back on every login while each parse costs a good part of an RSA verification.
 *
 * <p>Safe because it is only ever a memo: the function must depend on nothing but the bytes, a hit is
 * what the function returned for equal bytes, and a function that throws leaves nothing behind, so
 * malformed input is refused every time it is seen. Bounded: inputs longer than {@value #MAX_KEY_BYTES}
 * bytes are not remembered, and a full memo starts afresh (a flood of distinct inputs costs only the
 * speed-up, never correctness). Thread-safe.
 *
 * @param <T> the result, never {@code null} (wrap an absent result in {@link java.util.Optional})
 */
final class DerMemo<T> {
    /** Names and key identifiers are a few hundred bytes; anything longer is computed every time. */
    static final int MAX_KEY_BYTES = 1024;

    /** Computes the result from the bytes, or throws. */
    interface Computation<T, E extends Exception> {
        T compute(byte[] der) throws E;
    }

    private final int maxEntries;
    private final Map<Der, T> entries = new ConcurrentHashMap<>();

    DerMemo(int maxEntries) {
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    /**
     * @param der the input; kept by the memo, so the caller must not change it afterwards
     * @param computation the pure function of {@code der}
     * @return the function's result for {@code der}
     * @throws E what the function throws; nothing is remembered then
     */
    <E extends Exception> T get(byte[] der, Computation<T, E> computation) throws E {
        if (der.length > MAX_KEY_BYTES) {
            return computation.compute(der);
        }
        Der key = new Der(der);
        T known = entries.get(key);
        if (known != null) {
            return known;
        }
        T value = computation.compute(der);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.putIfAbsent(key, value);
        return value;
    }

    /** @return how many inputs are remembered (for tests) */
    int size() {
        return entries.size();
    }

    /** Byte arrays compared by content. */
    private static final class Der {
        private final byte[] bytes;
        private final int hash;

        Der(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Der && ((Der) other).hash == hash && Arrays.equals(((Der) other).bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
