package io.mynagate.jpki.card;

import java.time.Duration;
import javax.smartcardio.TerminalFactory;

/**
 * Opens a connection to the card in a reader: the one way out of the process to the card. The default
 * implementation ({@link #create(TerminalFactory)}, or by provider name with
 * {@link CardConnectors#forProvider(String)}) goes through {@code javax.smartcardio}, so real readers
 * (jnasmartcardio over PC/SC) and the card simulator's in-process readers take the same code path;
 * tests stub this interface with a lambda.
 *
 * <p>Implementations are thread-safe. The default one serves one {@code open} at a time (a second caller
 * waits), and commands on its sessions may wait while it waits for a card: PC/SC serializes the calls on
 * one reader context. Use one connector per concurrent card flow.
 */
@FunctionalInterface
public interface CardConnector {
    /**
     * Connects to the card in {@code readerName}, waiting up to {@code timeout} for one to be inserted.
     * The card is not identified here: {@link JpkiCardClient#open(javax.smartcardio.CardChannel)} does
     * that by selecting the JPKI application.
     *
     * @param readerName the exact reader name as {@link CardReaders#list()} shows it; null for the first
     *     reader (in listing order) that holds a card, so that with a single reader the caller needs no
     *     name
     * @param timeout how long to wait for a card, not null, not negative; {@link Duration#ZERO} does not
     *     wait
     * @return an open session; the caller closes it
     * @throws NoReaderException when no reader is attached, or none has that name (not waited for: a
     *     reader is plugged in before the page is opened, a card is inserted while it is shown)
     * @throws NoCardException when no card arrived before the timeout, or it left before the connection
     * @throws CardCommunicationException when the reader or the PC/SC service failed
     * @throws IllegalArgumentException when the timeout is negative
     */
    CardSession open(String readerName, Duration timeout) throws JpkiCardException;

    /**
     * The default connector over the readers of {@code factory}. It keeps one reader context
     * ({@link TerminalFactory#terminals()}) and establishes a new one once when the old one fails, as
     * after a restart of {@code pcscd}.
     *
     * @param factory the {@code javax.smartcardio} factory, not null; see {@link CardConnectors} to get
     *     one by provider name
     */
    static CardConnector create(TerminalFactory factory) {
        return new SmartcardioReaders(factory);
    }
}
