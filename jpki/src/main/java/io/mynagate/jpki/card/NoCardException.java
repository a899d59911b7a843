package io.mynagate.jpki.card;

import io.mynagate.jpki.Reason;
import java.time.Duration;

/**
 * No card was in the reader, and none arrived before the timeout ({@link Reason#NO_CARD}); or the card
 * left between being seen and being connected to.
 */
public final class NoCardException extends JpkiCardException {
    private static final long serialVersionUID = 1L;

    private final String readerName;

    /**
     * @param readerName the reader waited on, or null when any reader would have done
     * @param waited how long the connector waited, not null
     */
    public NoCardException(String readerName, Duration waited) {
        super(Reason.NO_CARD, (readerName == null ? "no card in any reader" : "no card in reader '" + readerName + "'")
                + " within " + waited.toMillis() + " ms");
        this.readerName = readerName;
    }

    /**
     * @param readerName the reader, not null
     * @param cause what the reader layer reported when connecting
     */
    public NoCardException(String readerName, Throwable cause) {
        super(Reason.NO_CARD, "no card in reader '" + readerName + "'", cause);
        this.readerName = readerName;
    }

    /** The reader waited on; null when any reader would have done. */
    public String readerName() {
        return readerName;
    }
}
