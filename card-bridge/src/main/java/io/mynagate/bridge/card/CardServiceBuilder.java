package io.mynagate.bridge.card;

import io.mynagate.jpki.card.CardConnector;
import io.mynagate.jpki.card.CardConnectors;
import io.mynagate.jpki.card.CardReaders;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures a {@link CardService}. Required: where the readers come from, either
 * {@link #provider(String)} or both {@link #connector(CardConnector)} and {@link #readers(CardReaders)}.
 * {@link #build()} checks and copies the configuration. Not thread-safe.
 */
public final class CardServiceBuilder {
    /** The longest {@link #cardWait(Duration)}. */
    public static final Duration MAX_CARD_WAIT = Duration.ofMinutes(10);

    private String provider;
    private CardConnector connector;
    private CardReaders readers;
    private String readerName;
    private Duration cardWait = Duration.ZERO;
    private Clock clock = Clock.systemUTC();

    CardServiceBuilder() {}

    /**
     * Readers of the {@code javax.smartcardio} provider with this name ({@link CardConnectors}):
     * {@value CardConnectors#JNASMARTCARDIO} for real readers through PC/SC.
     *
     * @param name a provider name, not null
     * @return this builder
     */
    public CardServiceBuilder provider(String name) {
        this.provider = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * @param value opens sessions to the card; with {@link #readers(CardReaders)} instead of a provider
     * @return this builder
     */
    public CardServiceBuilder connector(CardConnector value) {
        this.connector = Objects.requireNonNull(value, "connector");
        return this;
    }

    /**
     * @param value lists the readers; with {@link #connector(CardConnector)} instead of a provider
     * @return this builder
     */
    public CardServiceBuilder readers(CardReaders value) {
        this.readers = Objects.requireNonNull(value, "readers");
        return this;
    }

    /**
     * @param name the exact reader name as listed; null (the default) for the first reader holding a
     *     JPKI card
     * @return this builder
     */
    public CardServiceBuilder reader(String name) {
        this.readerName = name;
        return this;
    }

    /**
     * @param value how long to wait for a card to be inserted; default zero (no wait), at most
     *     {@link #MAX_CARD_WAIT}
     * @return this builder
     */
    public CardServiceBuilder cardWait(Duration value) {
        this.cardWait = Objects.requireNonNull(value, "cardWait");
        return this;
    }

    /**
     * @param value the clock of the assertions' {@code iat}; default the system UTC clock
     * @return this builder
     */
    public CardServiceBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * @return the service
     * @throws IllegalStateException when the readers are configured twice or not at all, or the wait is
     *     out of range
     * @throws IllegalArgumentException when no provider has that name ({@link CardConnectors})
     */
    public CardService build() {
        if (cardWait.isNegative() || cardWait.compareTo(MAX_CARD_WAIT) > 0) {
            throw new IllegalStateException("the card wait must be 0.." + MAX_CARD_WAIT.toSeconds() + " s");
        }
        if (provider != null && (connector != null || readers != null)) {
            throw new IllegalStateException("give either a provider or a connector and readers, not both");
        }
        CardConnector usedConnector = connector;
        CardReaders usedReaders = readers;
        if (provider != null) {
            usedConnector = CardConnectors.forProvider(provider);
            usedReaders = CardConnectors.readersForProvider(provider);
        }
        if (usedConnector == null || usedReaders == null) {
            throw new IllegalStateException("the readers are required: a provider, or a connector and readers");
        }
        return new DefaultCardService(usedReaders,
                new JpkiCardFinder(usedConnector, usedReaders, readerName, cardWait), clock);
    }
}
