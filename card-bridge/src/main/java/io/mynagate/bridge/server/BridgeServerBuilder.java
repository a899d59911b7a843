package io.mynagate.bridge.server;

import io.mynagate.bridge.card.CardService;
import io.mynagate.jpki.handoff.HandoffRequestVerifier;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures and starts a {@link BridgeServer}. Required: the {@link #cardService(CardService) card} and
 * the {@link #verifier(HandoffRequestVerifier) hand-off verifier} (its issuer allowlist decides who may
 * hand off). {@link #start()} checks the configuration. Not thread-safe.
 */
public final class BridgeServerBuilder {
    /** The most hand-off requests kept at once by default; a resident has one or two open. */
    public static final int DEFAULT_MAX_PENDING = 16;
    private static final int LOWEST_PORT = 1024;
    private static final int HIGHEST_PORT = 65535;
    private static final Duration LONGEST_SKEW = Duration.ofMinutes(5);

    private CardService cardService;
    private HandoffRequestVerifier verifier;
    private int port = BridgeServer.DEFAULT_PORT;
    private Clock clock = Clock.systemUTC();
    private Duration maxSkew = HandoffRequestVerifier.Builder.DEFAULT_MAX_SKEW;
    private int maxPending = DEFAULT_MAX_PENDING;

    BridgeServerBuilder() {}

    /**
     * @param value the card the page signs with; required
     * @return this builder
     */
    public BridgeServerBuilder cardService(CardService value) {
        this.cardService = Objects.requireNonNull(value, "cardService");
        return this;
    }

    /**
     * @param value checks every hand-off request before anything is shown; required
     * @return this builder
     */
    public BridgeServerBuilder verifier(HandoffRequestVerifier value) {
        this.verifier = Objects.requireNonNull(value, "verifier");
        return this;
    }

    /**
     * @param value the port on {@code 127.0.0.1}: {@value #LOWEST_PORT} to {@value #HIGHEST_PORT}, or 0 for
     *     any free port (tests); default {@value BridgeServer#DEFAULT_PORT}
     * @return this builder
     */
    public BridgeServerBuilder port(int value) {
        this.port = value;
        return this;
    }

    /**
     * @param value the clock of the requests' expiry; default the system UTC clock (the verifier has its own)
     * @return this builder
     */
    public BridgeServerBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * An accepted request stays usable until its {@code exp} plus this skew: the same window in which the
     * verifier still accepts it (the resident's clock is not the identity provider's).
     *
     * @param value 0 to 5 minutes; default {@link HandoffRequestVerifier.Builder#DEFAULT_MAX_SKEW}, the
     *     verifier's default
     * @return this builder
     */
    public BridgeServerBuilder maxSkew(Duration value) {
        this.maxSkew = Objects.requireNonNull(value, "maxSkew");
        return this;
    }

    /**
     * @param value the most accepted requests kept at once, 1 to 1024; default {@value #DEFAULT_MAX_PENDING}.
     *     When that many are live, a new hand-off is refused (503) rather than an open one forgotten.
     * @return this builder
     */
    public BridgeServerBuilder maxPending(int value) {
        this.maxPending = value;
        return this;
    }

    /**
     * Binds {@code 127.0.0.1:<port>} and starts serving.
     *
     * @return the running server
     * @throws IllegalStateException when the card or the verifier is missing or a setting is out of range
     * @throws PortInUseException when the port is taken
     * @throws IOException when the server cannot be started otherwise
     */
    public BridgeServer start() throws IOException {
        if (cardService == null || verifier == null) {
            throw new IllegalStateException("the card service and the hand-off verifier are required");
        }
        if (port != 0 && (port < LOWEST_PORT || port > HIGHEST_PORT)) {
            throw new IllegalStateException("the port must be " + LOWEST_PORT + ".." + HIGHEST_PORT + " (or 0 for any)");
        }
        if (maxSkew.isNegative() || maxSkew.compareTo(LONGEST_SKEW) > 0) {
            throw new IllegalStateException("maxSkew must be between 0 and 5 minutes");
        }
        if (maxPending < 1 || maxPending > 1024) {
            throw new IllegalStateException("maxPending must be 1..1024");
        }
        return DefaultBridgeServer.start(port, cardService, verifier,
                new PendingRequests(clock, maxSkew, maxPending));
    }
}
