package io.mynagate.bridge.card;

import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.card.CardConnector;
import io.mynagate.jpki.card.CardReaders;
import io.mynagate.jpki.card.CardSession;
import io.mynagate.jpki.card.JpkiCardClient;
import io.mynagate.jpki.card.NoCardException;
import io.mynagate.jpki.card.NoReaderException;
import io.mynagate.jpki.card.NotJpkiCardException;
import java.time.Duration;
import java.util.List;

/**
 * Finds the card to use: the one in the named reader, or else the first reader (in listing order) whose
 * card answers the selection of the JPKI application. A card is identified by that selection, never by
 * its ATR; a reader holding some other card (a bank card, a transit card) is passed over.
 */
final class JpkiCardFinder {
    /** How often the readers are looked at again while waiting for a card in any of them. */
    private static final long POLL_MILLIS = 200;

    private final CardConnector connector;
    private final CardReaders readers;
    private final String readerName;
    private final Duration wait;

    JpkiCardFinder(CardConnector connector, CardReaders readers, String readerName, Duration wait) {
        this.connector = connector;
        this.readers = readers;
        this.readerName = readerName;
        this.wait = wait;
    }

    /**
     * @return the open card; the caller closes it
     * @throws NoReaderException when no reader is attached, or none has the configured name
     * @throws NoCardException when no card arrived within the wait
     * @throws NotJpkiCardException when the named reader's card, or every card seen, has no JPKI application
     * @throws JpkiException for any other refusal of the reader or the card
     */
    FoundCard find() throws JpkiException {
        if (readerName != null) {
            return identify(connector.open(readerName, wait));
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            List<CardReaders.Reader> all = readers.list();
            if (all.isEmpty()) {
                throw new NoReaderException(null);
            }
            NotJpkiCardException notJpki = null;
            for (CardReaders.Reader reader : all) {
                if (!reader.cardPresent()) {
                    continue;
                }
                try {
                    return identify(connector.open(reader.name(), Duration.ZERO));
                } catch (NoCardException e) {
                    // It left between the listing and the connection; look at the others.
                } catch (NotJpkiCardException e) {
                    notJpki = e;
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                if (notJpki != null) {
                    throw notJpki;
                }
                throw new NoCardException(null, wait);
            }
            pause();
        }
    }

    private static FoundCard identify(CardSession session) throws JpkiException {
        try {
            return new FoundCard(session, JpkiCardClient.open(session.channel()));
        } catch (JpkiException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void pause() throws NoCardException {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoCardException(null, wait);
        }
    }
}
