package io.mynagate.jpki.card;

import javax.smartcardio.CardChannel;

/**
 * One connection to the card in one reader, from {@link CardConnector#open}. Use it in
 * try-with-resources: {@link #close()} disconnects and resets the card, so the PINs verified in this
 * session are forgotten and no other application on the same reader can sign with them.
 *
 * <pre>{@code
 * try (CardSession session = connector.open(readerName, Duration.ofSeconds(30))) {
 *     JpkiCardClient client = JpkiCardClient.open(session.channel());
 *     ...
 * }
 * }</pre>
 *
 * <p>The default session connects in shared mode and takes no exclusive transaction
 * ({@code beginExclusive}, PC/SC {@code SCardBeginTransaction}), because that waits without a timeout
 * while another application holds one; {@link JpkiCardClient} sends VERIFY and the command it unlocks
 * back to back, and the reset on close ends what was unlocked.
 *
 * <p>A session is for one caller at a time (the {@link JpkiCardClient} on it serializes its own
 * calls). Tests implement this interface over a scripted channel.
 */
public interface CardSession extends AutoCloseable {
    /** The name of the reader, as {@link CardReaders#list()} shows it; never null. */
    String readerName();

    /**
     * The basic channel to the card; never null. After {@link #close()} (or when the card is removed)
     * commands on it fail, which {@link JpkiCardClient} reports as {@link CardRemovedException}.
     */
    CardChannel channel();

    /**
     * Disconnects, resetting the card. Idempotent; never throws: a card already removed has nothing
     * left to reset.
     */
    @Override
    void close();
}
