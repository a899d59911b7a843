package io.mynagate.simulator.revocation;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How the revocation services misbehave, switchable at run time (in-process, or over HTTP with
 * {@code GET /fault?mode=error|trylater|slow|none[&delayMs=N]} on the OCSP port). Thread-safe.
 */
public final class FaultSwitch {
    /** Failure modes. */
    public enum Mode {
        /** Answer normally. */
        NONE,
        /** HTTP 500 from both services. */
        ERROR,
        /** OCSP answers {@code tryLater} (RFC 6960 4.2.1); the CRL server answers HTTP 503. */
        TRY_LATER,
        /** Answer correctly, but only after the configured delay. */
        SLOW
    }

    private volatile Mode mode = Mode.NONE;
    private volatile Duration delay = Duration.ofSeconds(5);

    /** Current mode. */
    public Mode mode() {
        return mode;
    }

    /** Delay used by {@link Mode#SLOW}. */
    public Duration delay() {
        return delay;
    }

    /** Switches the mode. */
    public void set(Mode newMode) {
        this.mode = Objects.requireNonNull(newMode);
    }

    /**
     * Switches to {@link Mode#SLOW} with the given delay.
     *
     * @throws IllegalArgumentException when the delay is negative
     */
    public void slow(Duration newDelay) {
        if (newDelay.isNegative()) {
            throw new IllegalArgumentException("the delay must not be negative");
        }
        this.delay = newDelay;
        this.mode = Mode.SLOW;
    }

    /** Parses {@code none}, {@code error}, {@code trylater} / {@code try-later}, {@code slow}. */
    public static Mode parse(String text) {
        return switch (text.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT)) {
            case "none", "ok" -> Mode.NONE;
            case "error", "fail", "http500" -> Mode.ERROR;
            case "trylater" -> Mode.TRY_LATER;
            case "slow" -> Mode.SLOW;
            default -> throw new IllegalArgumentException("unknown fault mode");
        };
    }

    void delayIfSlow() {
        if (mode == Mode.SLOW) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
