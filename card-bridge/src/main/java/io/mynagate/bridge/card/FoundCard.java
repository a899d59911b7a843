package io.mynagate.bridge.card;

import io.mynagate.jpki.card.CardSession;
import io.mynagate.jpki.card.JpkiCardClient;

/** An open session to a card whose JPKI application is selected; closing it resets the card. */
record FoundCard(CardSession session, JpkiCardClient client) implements AutoCloseable {
    /** The reader holding the card. */
    String readerName() {
        return session.readerName();
    }

    @Override
    public void close() {
        session.close();
    }
}
