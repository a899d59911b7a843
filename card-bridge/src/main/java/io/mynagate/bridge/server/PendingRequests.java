package io.mynagate.bridge.server;

import io.mynagate.jpki.handoff.HandoffRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accepted hand-off requests, each under a random id with its own CSRF token, until it is signed
 * ({@link #finish(PendingRequest)}) or expires (its {@code exp} plus the skew). Bounded: when full of live
 * requests a new one is refused rather than an open one forgotten. Thread-safe.
 */
final class PendingRequests {
    /** 256 random bits, base64url without padding: 43 characters. */
    static final int TOKEN_BYTES = 32;
    static final int TOKEN_LENGTH = 43;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final Clock clock;
    private final Duration skew;
    private final int maxEntries;
    private final Map<String, PendingRequest> entries = new ConcurrentHashMap<>();

    PendingRequests(Clock clock, Duration skew, int maxEntries) {
        this.clock = clock;
        this.skew = skew;
        this.maxEntries = maxEntries;
    }

    /**
     * @return the kept request with a new id and token; empty when {@code maxEntries} live requests are kept
     */
    synchronized Optional<PendingRequest> add(HandoffRequest request) {
        dropExpired();
        if (entries.size() >= maxEntries) {
            return Optional.empty();
        }
        PendingRequest pending = new PendingRequest(randomToken(), randomToken(), request,
                request.expiresAt().plus(skew));
        entries.put(pending.id(), pending);
        return Optional.of(pending);
    }

    /** @return the live request with this id; empty when unknown, signed or expired */
    Optional<PendingRequest> find(String id) {
        PendingRequest pending = entries.get(id);
        if (pending == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(pending.expiresAt())) {
            entries.remove(id, pending);
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    /** Ends a request: it was signed. Any later use of its id finds nothing. */
    void finish(PendingRequest pending) {
        entries.remove(pending.id(), pending);
    }

    private void dropExpired() {
        Instant now = clock.instant();
        entries.values().removeIf(pending -> !now.isBefore(pending.expiresAt()));
    }

    /** Whether {@code value} has the form of an id, checked before any lookup. */
    static boolean isToken(String value) {
        if (value == null || value.length() != TOKEN_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!base64url) {
                return false;
            }
        }
        return true;
    }

    private static String randomToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }
}
