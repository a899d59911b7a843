package io.mynagate.bridge.cli;

import static io.mynagate.bridge.testing.CliRun.SIMULATOR;
import static io.mynagate.bridge.testing.CliRun.run;
import static io.mynagate.bridge.testing.CliRun.runWithInput;
import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.bridge.testing.CliRun;
import io.mynagate.bridge.testing.SimulatedCards;
import io.mynagate.jpki.card.PinKind;
import io.mynagate.simulator.card.SimulatedCard;
import io.mynagate.simulator.smartcardio.VirtualReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code card-bridge status} against the simulator's in-process reader. */
class StatusCommandTest {
    private SimulatedCard card;

    @AfterEach
    void neverReadsTheMyNumber() {
        if (card != null) {
            assertThat(card.myNumberReads()).isZero();
        }
        SimulatedCards.removeCard();
    }

    @Test
    void reportsTheReaderTheTokenAndTheTriesOfBothPins() {
        card = SimulatedCards.insert(SimulatedCards.adult());

        CliRun run = run("status", "--provider", SIMULATOR);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).containsExactly(
                "reader: " + VirtualReader.DEFAULT_NAME + " (card)",
                "card-reader: " + VirtualReader.DEFAULT_NAME,
                "token: JPKIAPICCTOKEN2 (My Number card)",
                "auth-pin-tries-left: 3 of 3",
                "sign-password-tries-left: 5 of 5");
    }

    @Test
    void spendsNoTry() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());

        run("status", "--provider", SIMULATOR);
        run("status", "--provider", SIMULATOR);

        assertThat(SimulatedCards.triesLeft(card, PinKind.AUTHENTICATION)).isEqualTo(3);
        assertThat(SimulatedCards.triesLeft(card, PinKind.SIGNATURE)).isEqualTo(5);
    }

    @Test
    void showsTheTriesLeftAfterAWrongPin() {
        card = SimulatedCards.insert(SimulatedCards.adult());
        runWithInput("9999\n", "assert", "--provider", SIMULATOR, "--audience", "https://idp.example/",
                "--nonce", "n", "--pin-stdin");

        CliRun run = run("status", "--provider", SIMULATOR);

        assertThat(run.outLines()).contains("auth-pin-tries-left: 2 of 3", "sign-password-tries-left: 5 of 5");
    }

    @Test
    void showsABlockedPinAsNoTriesLeft() {
        card = SimulatedCards.insert(SimulatedCards.blockedPin());

        CliRun run = run("status", "--provider", SIMULATOR);

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).contains("auth-pin-tries-left: 0 of 3");
    }

    @Test
    void saysWhenTheCardHasNoSignatureCertificate() {
        card = SimulatedCards.insert(SimulatedCards.child());

        CliRun run = run("status", "--provider", SIMULATOR);

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).contains("sign-password-tries-left: none (no signature certificate)");
    }

    @Test
    void tellsASmartphoneByItsTokenLabel() {
        card = SimulatedCards.insert(SimulatedCards.android());

        CliRun run = run("status", "--provider", SIMULATOR);

        assertThat(run.outLines()).contains("token: JPKIAPGPSETOKEN (Android smartphone)");
    }

    @Test
    void listsTheEmptyReaderThenReportsNoCard() {
        SimulatedCards.removeCard();

        CliRun run = run("status", "--provider", SIMULATOR);

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.UNAVAILABLE);
        assertThat(run.outLines()).containsExactly("reader: " + VirtualReader.DEFAULT_NAME + " (empty)");
        assertThat(run.errLines()).singleElement().asString().startsWith("no_card: no card in any reader");
    }

    @Test
    void reportsAnUnknownReaderAsNoReader() {
        card = SimulatedCards.insert(SimulatedCards.adult());

        CliRun run = run("status", "--provider", SIMULATOR, "--reader", "Nope 00 00");

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.UNAVAILABLE);
        assertThat(run.errLines()).singleElement().asString().startsWith("no_reader: no card reader named 'Nope 00 00'");
    }

    @Test
    void usesTheNamedReader() {
        card = SimulatedCards.insert(SimulatedCards.adult());

        CliRun run = run("status", "--provider", SIMULATOR, "--reader", VirtualReader.DEFAULT_NAME);

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).contains("card-reader: " + VirtualReader.DEFAULT_NAME);
    }
}
