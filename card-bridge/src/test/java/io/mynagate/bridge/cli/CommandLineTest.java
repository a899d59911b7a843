package io.mynagate.bridge.cli;

import static io.mynagate.bridge.testing.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.bridge.testing.CliRun;
import io.mynagate.bridge.testing.SimulatedCards;
import io.mynagate.simulator.smartcardio.VirtualCardProvider;
import io.mynagate.simulator.smartcardio.VirtualReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The command line itself: usage errors, options, and the simulator names the bridge knows only as text. */
class CommandLineTest {
    @Test
    void withoutACommandIsAUsageError() {
        CliRun run = run();

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.USAGE);
        assertThat(run.errLines()).singleElement().asString().startsWith("usage: missing command");
    }

    @Test
    void helpListsTheCommandsAndTheExitStatus() {
        CliRun run = run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("serve", "status", "read-cert", "assert", "Exit status: 0 done");
    }

    @Test
    void unknownProviderIsAUsageError() {
        CliRun run = run("status", "--provider", "NoSuchProvider");

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.USAGE);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("usage: no javax.smartcardio provider named 'NoSuchProvider'");
    }

    @Test
    void waitOutOfRangeIsAUsageError() {
        CliRun run = run("status", "--provider", CliRun.SIMULATOR, "--wait", "601");

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.USAGE);
        assertThat(run.errLines()).singleElement().asString().startsWith("usage: --wait must be 0..600");
    }

    @Test
    void nonNumericWaitNamesTheOptionOnly() {
        CliRun run = run("status", "--wait", "soon");

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.USAGE);
        assertThat(run.errLines()).singleElement().asString().isEqualTo("usage: invalid value for --wait (see --help)");
    }

    @Test
    void simulatedCardMustBeACardDirectory() throws Exception {
        Path notACard = Files.createTempDirectory("not-a-card");

        CliRun run = run("status", "--simulated-card", notACard.toString());

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.USAGE);
        assertThat(run.errLines()).singleElement().asString().startsWith("usage: --simulated-card must be a card directory");
        assertThat(System.getProperty(CardOptions.SIMULATOR_DIR_PROPERTY)).isNull();
    }

    @Test
    void simulatedCardRefusesAnotherProvider() {
        CliRun run = run("status", "--simulated-card", SimulatedCards.directory(SimulatedCards.adult()).toString(),
                "--provider", "JNA2PCSC");

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.USAGE);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("usage: --simulated-card works with --provider MynaVirtualCard only");
    }

    @Test
    void simulatorNamesAreTheSimulatorsOwn() {
        assertThat(CardOptions.SIMULATOR_PROVIDER).isEqualTo(VirtualCardProvider.NAME);
        assertThat(CardOptions.SIMULATOR_DIR_PROPERTY).isEqualTo(VirtualReader.DIR_PROPERTY);
        assertThat(CardOptions.SIMULATOR_CARD_PROPERTY).isEqualTo(VirtualReader.CARD_PROPERTY);
        assertThat(CliRun.SIMULATOR).isEqualTo(VirtualCardProvider.NAME);
    }
}
