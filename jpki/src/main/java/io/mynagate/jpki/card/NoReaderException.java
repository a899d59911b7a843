package io.mynagate.jpki.card;

import io.mynagate.jpki.Reason;

/** No card reader is attached, or none has the name asked for ({@link Reason#NO_READER}). */
public final class NoReaderException extends JpkiCardException {
    private static final long serialVersionUID = 1L;

    private final String readerName;

    /**
     * @param readerName the reader asked for, or null when any reader would have done (none is attached)
     */
    public NoReaderException(String readerName) {
        super(Reason.NO_READER, readerName == null
                ? "no card reader is attached"
                : "no card reader named '" + readerName + "'");
        this.readerName = readerName;
    }

    /** The reader asked for; null when any reader would have done. */
    public String readerName() {
        return readerName;
    }
}
