package io.mynagate.simulator.card;

import java.util.Arrays;

/**
 * A transparent elementary file: its content is padded with {@code FF} up to the file size, as on
 * the real card, so readers must take the length from the DER (or TLV) header.
 *
 * @param fid        file identifier
 * @param content    file body including the padding
 * @param readPin    fid of the PIN that must be verified before READ BINARY, or {@code -1} when free
 * @param readable   false for key files, which no command reads
 * @param myNumber   true for the My Number file of the card-info application, whose reads are counted
 */
record ElementaryFile(int fid, byte[] content, int readPin, boolean readable, boolean myNumber) {
    static final int FREE = -1;

    static ElementaryFile data(int fid, byte[] body, int readPin) {
        return new ElementaryFile(fid, pad(body), readPin, true, false);
    }

    static ElementaryFile myNumberFile(int fid, byte[] body, int readPin) {
        return new ElementaryFile(fid, pad(body), readPin, true, true);
    }

    static ElementaryFile key(int fid) {
        return new ElementaryFile(fid, new byte[0], FREE, false, false);
    }

    /** Pads to a whole number of 256-byte blocks, at least one more {@code FF} than the body. */
    static byte[] pad(byte[] body) {
        int size = ((body.length / 256) + 1) * 256;
        byte[] padded = Arrays.copyOf(body, size);
        Arrays.fill(padded, body.length, size, (byte) 0xFF);
        return padded;
    }
}
