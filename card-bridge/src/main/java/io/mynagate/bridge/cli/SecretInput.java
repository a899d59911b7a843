package io.mynagate.bridge.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where a PIN or password comes from: one line of standard input ({@code --pin-stdin},
 * {@code --password-stdin}), or the terminal without echo when there is one. The secret is returned as a
 * {@code char[]} for the caller to wipe; this class keeps no copy (its own buffers are wiped).
 */
@FunctionalInterface
interface SecretInput {
    /** The longest line read; anything longer is no PIN, and the card never sees it. */
    int MAX_LENGTH = 64;
    /** What a byte that cannot be in a PIN becomes: a character every PIN format refuses. */
    char NOT_A_PIN_CHARACTER = '\uFFFD';

    /**
     * @param prompt what to ask for, shown only on a terminal
     * @return the secret without its line end; empty at end of input; never null
     * @throws IOException when the input cannot be read
     */
    char[] read(String prompt) throws IOException;

    /**
     * One line of {@code in}, up to {@value #MAX_LENGTH} characters (a longer line comes back too long, so
     * that the format check refuses it). PINs are ASCII; any other byte becomes
     * {@value #NOT_A_PIN_CHARACTER}, so a mistyped character is a format error rather than a spent try.
     */
    static SecretInput line(InputStream in) {
        Objects.requireNonNull(in, "in");
        return prompt -> {
            byte[] buffer = new byte[MAX_LENGTH + 1];
            try {
                int length = 0;
                // Stops one byte past the limit: that is enough to refuse the line, and endless input ends here.
                for (int b = in.read(); b != -1 && b != '\n'; b = length < buffer.length ? in.read() : -1) {
                    buffer[length++] = (byte) b;
                }
                if (length > 0 && length <= MAX_LENGTH && buffer[length - 1] == '\r') {
                    length--;
                }
                char[] secret = new char[length];
                for (int i = 0; i < length; i++) {
                    int b = buffer[i] & 0xFF;
                    secret[i] = b < 0x80 ? (char) b : NOT_A_PIN_CHARACTER;
                }
                return secret;
            } finally {
                Arrays.fill(buffer, (byte) 0);
            }
        };
    }

    /** The terminal, without echo ({@link Console#readPassword}). */
    static SecretInput terminal(Console console) {
        Objects.requireNonNull(console, "console");
        return prompt -> {
            char[] secret = console.readPassword("%s: ", prompt);
            return secret == null ? new char[0] : secret;
        };
    }
}
