package io.mynagate.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How a PIN is read from standard input: one line, bounded, non-ASCII never mistaken for a PIN character. */
class SecretInputTest {
    @Test
    void readsOneLineWithoutItsLineEnd() throws Exception {
        assertThat(read("1234\nrest\n")).containsExactly('1', '2', '3', '4');
        assertThat(read("ABC123\r\n")).containsExactly('A', 'B', 'C', '1', '2', '3');
    }

    @Test
    void readsUpToTheEndOfInputWithoutALineEnd() throws Exception {
        assertThat(read("1234")).containsExactly('1', '2', '3', '4');
        assertThat(read("")).isEmpty();
    }

    @Test
    void turnsNonAsciiIntoACharacterNoPinAllows() throws Exception {
        assertThat(read("12３4\n")).contains(SecretInput.NOT_A_PIN_CHARACTER).hasSize(6);
    }

    @Test
    void stopsOneCharacterPastTheLimitOnEndlessInput() throws Exception {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return '7';
            }
        };

        assertThat(SecretInput.line(endless).read("PIN")).hasSize(SecretInput.MAX_LENGTH + 1);
    }

    private static char[] read(String input) throws Exception {
        return SecretInput.line(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))).read("PIN");
    }
}
