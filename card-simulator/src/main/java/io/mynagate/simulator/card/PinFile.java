package io.mynagate.simulator.card;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A PIN elementary file with its retry counter. A correct VERIFY resets the counter; a wrong one
 * spends a try; at zero the PIN is blocked for good (a real card is unblocked only at a municipal
 * office, so there is no reset command).
 */
final class PinFile {
    private final byte[] value;
    private final int maxTries;
    private int triesLeft;

    PinFile(String value, int maxTries, int triesLeft) {
        this.value = value.getBytes(StandardCharsets.US_ASCII);
        this.maxTries = maxTries;
        this.triesLeft = Math.max(0, Math.min(triesLeft, maxTries));
    }

    int triesLeft() {
        return triesLeft;
    }

    boolean blocked() {
        return triesLeft == 0;
    }

    /** Status word of a VERIFY without data: {@code 63Cx}, spends nothing. */
    int query() {
        return StatusWord.triesLeft(triesLeft);
    }

    /** Checks a presented PIN; returns the status word to answer. */
    int verify(byte[] presented) {
        if (blocked()) {
            return StatusWord.AUTHENTICATION_METHOD_BLOCKED;
        }
        if (MessageDigest.isEqual(value, presented)) {
            triesLeft = maxTries;
            return StatusWord.OK;
        }
        triesLeft--;
        return StatusWord.triesLeft(triesLeft);
    }
}
