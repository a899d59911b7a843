package io.mynagate.bridge.server;

import io.mynagate.jpki.handoff.HandoffRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An accepted hand-off request, kept under a random id until it is signed or expires. At most one card
 * operation runs for it at a time ({@link #tryBegin()}); a successful signature ends it, a refused one
 * (wrong PIN, no card) leaves it open for a retry until it expires.
 */
final class PendingRequest {
    private final String id;
    private final String csrfToken;
    private final HandoffRequest request;
    private final Instant expiresAt;
    private final AtomicBoolean busy = new AtomicBoolean();

    PendingRequest(String id, String csrfToken, HandoffRequest request, Instant expiresAt) {
        this.id = id;
        this.csrfToken = csrfToken;
        this.request = request;
        this.expiresAt = expiresAt;
    }

    /** The random id in the page's URL. */
    String id() {
        return id;
    }

    /** The CSRF token of this request's page: random, bound to this request, never in a URL. */
    String csrfToken() {
        return csrfToken;
    }

    HandoffRequest request() {
        return request;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    /** Compares in constant time, so that the token cannot be guessed byte by byte. */
    boolean csrfMatches(String candidate) {
        return candidate != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.US_ASCII),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** @return whether this call may use the card for this request now (none else is) */
    boolean tryBegin() {
        return busy.compareAndSet(false, true);
    }

    /** The card operation ended without a signature; the request may be tried again. */
    void end() {
        busy.set(false);
    }

    /** Names the purpose and the expiry only. */
    @Override
    public String toString() {
        return "PendingRequest[purpose=" + request.purpose().value() + ", expires=" + expiresAt + "]";
    }
}
