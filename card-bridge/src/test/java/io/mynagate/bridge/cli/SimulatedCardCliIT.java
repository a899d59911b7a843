package io.mynagate.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.bridge.testing.Processes;
import io.mynagate.bridge.testing.Processes.ProcessRun;
import io.mynagate.bridge.testing.SimulatedCards;
import io.mynagate.jpki.login.LoginExpectations;
import io.mynagate.simulator.pki.IssuedCard;
import io.mynagate.simulator.smartcardio.VirtualReader;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/card-bridge --simulated-card DIR} as the demo will run it: the script, with the simulator put
 * on its class path ({@code CARD_BRIDGE_CLASSPATH}) and found by provider name, and the card chosen by its
 * directory. Each run is a fresh JVM, the only place where {@code --simulated-card} can be seen to work
 * (the simulator reads its card once per process).
 */
@Tag("integration")
class SimulatedCardCliIT {
    private static final String AUDIENCE = "https://idp.example/realms/myna";
    private static IssuedCard issued;
    private static Map<String, String> simulatorOnClassPath;

    @BeforeAll
    static void issueCard() {
        issued = SimulatedCards.adult();
        String simulator = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("card-simulator"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(simulator).as("the card simulator on the test class path").isNotEmpty();
        simulatorOnClassPath = Map.of("CARD_BRIDGE_CLASSPATH", simulator);
    }

    @Test
    void statusShowsTheSimulatedCardOfTheDirectory() throws Exception {
        ProcessRun run = Processes.cardBridge("", simulatorOnClassPath,
                "status", "--simulated-card", SimulatedCards.directory(issued).toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).contains("card-reader: " + VirtualReader.DEFAULT_NAME,
                "token: JPKIAPICCTOKEN2 (My Number card)", "auth-pin-tries-left: 3 of 3");
    }

    @Test
    void assertSignsWithTheSimulatedCardOfTheDirectory() throws Exception {
        ProcessRun run = Processes.cardBridge(SimulatedCards.PIN + "\n", simulatorOnClassPath,
                "assert", "--simulated-card", SimulatedCards.directory(issued).toString(),
                "--audience", AUDIENCE, "--nonce", "it-nonce", "--pin-stdin");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(SimulatedCards.verifierWithoutRevocation()
                .verify(run.lastLine(), LoginExpectations.auth(AUDIENCE, "it-nonce")).certificate())
                .isEqualTo(issued.authCertificate());
    }

    @Test
    void withoutTheSimulatorOnTheClassPathTheProviderIsNotFound() throws Exception {
        ProcessRun run = Processes.cardBridge("", Map.of(),
                "status", "--simulated-card", SimulatedCards.directory(issued).toString());

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.USAGE);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("usage: no javax.smartcardio provider named 'MynaVirtualCard'");
        assertThat(List.of(run.out())).containsExactly("");
    }
}
