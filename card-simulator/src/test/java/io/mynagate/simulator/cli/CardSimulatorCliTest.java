package io.mynagate.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.simulator.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Input errors of the command line: one line, exit status 2, nothing changed. */
class CardSimulatorCliTest {
    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static String stdoutOf(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertThat(CardSimulatorCli.run(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpDocumentsTheDefaults() {
        assertThat(stdoutOf("serve", "--help")).contains("127.0.0.1:35963").contains("/fault?mode=");
        assertThat(stdoutOf("pki", "init", "--help")).contains("18480").contains("18481");
        assertThat(stdoutOf("card", "issue", "--help")).contains("1234").contains("ABC123").contains("--no-signature-cert")
                .contains("--smartphone");
    }

    @Test
    void refusesToInitOverAnExistingPki() {
        String dir = Fixtures.pki().directory().toString();
        int[] status = new int[1];
        String err = stderrOf(() -> status[0] = CardSimulatorCli.run("pki", "init", dir));
        assertThat(status[0]).isEqualTo(2);
        assertThat(err).contains("already exists").doesNotContain("Exception");
    }

    @Test
    void refusesAnUnknownCard() {
        String dir = Fixtures.pki().directory().toString();
        int[] status = new int[1];
        String err = stderrOf(() -> status[0] = CardSimulatorCli.run("card", "renew", dir, "card-00000000"));
        assertThat(status[0]).isEqualTo(2);
        assertThat(err).contains("no such card");
    }

    @Test
    void refusesAMalformedVpcdAddressBeforeStartingAnything() {
        String dir = Fixtures.pki().directory().toString();
        for (String vpcd : new String[] {"localhost", "localhost:", ":35963", "localhost:vpcd", "localhost:70000"}) {
            int[] status = new int[1];
            String err = stderrOf(() -> status[0] = CardSimulatorCli.run("serve", dir, "--vpcd", vpcd));
            assertThat(status[0]).as(vpcd).isEqualTo(2);
            assertThat(err).as(vpcd).contains("--vpcd").doesNotContain("Exception");
        }
    }

    @Test
    void refusesAMistypedOptionWithoutEchoingTheAddressAfterIt() {
        String dir = Fixtures.pki().directory().toString();
        int[] status = new int[1];
        String err = stderrOf(() -> status[0] = CardSimulatorCli.run("card", "issue", dir, "--name", "n",
                "--adress", "誤入力県誤入力市1-1", "--address", "a", "--birth", "2000-01-01", "--sex", "1"));
        assertThat(status[0]).isEqualTo(2);
        assertThat(err).contains("unknown option").doesNotContain("誤入力");
    }

    @Test
    void refusesAnImpossibleBirthDateWithoutEchoingIt() {
        String dir = Fixtures.pki().directory().toString();
        int[] status = new int[1];
        String err = stderrOf(() -> status[0] = CardSimulatorCli.run("card", "issue", dir, "--name", "n", "--address",
                "a", "--birth", "1990-02-30", "--sex", "1"));
        assertThat(status[0]).isEqualTo(2);
        assertThat(err).contains("--birth").doesNotContain("1990-02-30");
    }

    @Test
    void namesMissingOptions() {
        String dir = Fixtures.pki().directory().toString();
        int[] status = new int[1];
        String err = stderrOf(() -> status[0] = CardSimulatorCli.run("card", "issue", dir, "--name", "n"));
        assertThat(status[0]).isEqualTo(2);
        assertThat(err).contains("--address").contains("--birth");
    }

    @Test
    void refusesAMalformedPinWithoutEchoingIt() {
        String dir = Fixtures.pki().directory().toString();
        int[] status = new int[1];
        String err = stderrOf(() -> status[0] = CardSimulatorCli.run("card", "issue", dir, "--name", "n", "--address",
                "a", "--birth", "2000-01-01", "--sex", "1", "--pin", "98765"));
        assertThat(status[0]).isEqualTo(2);
        assertThat(err).contains("PIN must be 4 digits").doesNotContain("98765");
    }
}
