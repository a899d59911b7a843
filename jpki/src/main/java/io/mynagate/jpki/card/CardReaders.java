package io.mynagate.jpki.card;

import java.util.List;
import java.util.Objects;
import javax.smartcardio.TerminalFactory;

/**
 * Lists the card readers, so the card bridge's page can offer a choice and say "insert your card".
 * The default implementation ({@link #create(TerminalFactory)}) asks {@code javax.smartcardio}; tests
 * stub this interface with a lambda. Implementations are thread-safe.
 */
@FunctionalInterface
public interface CardReaders {
    /**
     * The attached readers, in the order the reader layer lists them.
     *
     * @return the readers; empty when none is attached; never null
     * @throws CardCommunicationException when the reader layer or the PC/SC service failed
     */
    List<Reader> list() throws JpkiCardException;

    /**
     * The default listing of the readers of {@code factory}.
     *
     * @param factory the {@code javax.smartcardio} factory, not null; see {@link CardConnectors}
     */
    static CardReaders create(TerminalFactory factory) {
        return new SmartcardioReaders(factory);
    }

    /**
     * One reader as listed.
     *
     * @param name the reader name, to pass to {@link CardConnector#open}; not null
     * @param cardPresent whether it held a card when listed
     */
    record Reader(String name, boolean cardPresent) {
        /** Checks the name. */
        public Reader {
            Objects.requireNonNull(name, "name");
        }
    }
}
