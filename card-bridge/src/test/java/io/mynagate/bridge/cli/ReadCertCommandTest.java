package io.mynagate.bridge.cli;

import static io.mynagate.bridge.testing.CliRun.SIMULATOR;
import static io.mynagate.bridge.testing.CliRun.run;
import static io.mynagate.bridge.testing.CliRun.runWithInput;
import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.bridge.testing.CliRun;
import io.mynagate.bridge.testing.SimulatedCards;
import io.mynagate.jpki.card.PinKind;
import io.mynagate.jpki.pem.PemCertificates;
import io.mynagate.simulator.card.SimulatedCard;
import io.mynagate.simulator.pki.IssuedCard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code card-bridge read-cert auth|sign} against the simulator's in-process card. */
class ReadCertCommandTest {
    private SimulatedCard card;

    @AfterEach
    void neverReadsTheMyNumber() {
        if (card != null) {
            assertThat(card.myNumberReads()).isZero();
        }
        SimulatedCards.removeCard();
    }

    @Test
    void printsTheAuthenticationCertificateAsPemWithoutAPin() throws Exception {
        IssuedCard issued = SimulatedCards.adult();
        card = SimulatedCards.insert(issued);

        CliRun run = run("read-cert", "auth", "--provider", SIMULATOR);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        assertThat(PemCertificates.parse(run.out())).containsExactly(issued.authCertificate());
        assertThat(SimulatedCards.triesLeft(card, PinKind.AUTHENTICATION)).isEqualTo(3);
    }

    @Test
    void printsTheSignatureCertificateAfterThePassword() throws Exception {
        IssuedCard issued = SimulatedCards.adult();
        card = SimulatedCards.insert(issued);

        CliRun run = runWithInput(SimulatedCards.PASSWORD + "\n", "read-cert", "sign", "--password-stdin",
                "--provider", SIMULATOR);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(PemCertificates.parse(run.out())).containsExactly(issued.signatureCertificate().orElseThrow());
    }

    @Test
    void signWithoutPasswordStdinIsAUsageError() {
        card = SimulatedCards.insert(SimulatedCards.adult());

        CliRun run = run("read-cert", "sign", "--provider", SIMULATOR);

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString().contains("--password-stdin");
    }

    @Test
    void wrongSignaturePasswordIsRefusedWithTheTriesLeft() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());

        CliRun run = runWithInput("WRONG9\n", "read-cert", "sign", "--password-stdin", "--provider", SIMULATOR);

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.REFUSED);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("wrong_pin: wrong signature password, 4 tries left");
        assertThat(SimulatedCards.triesLeft(card, PinKind.SIGNATURE)).isEqualTo(4);
    }

    @Test
    void smartphoneWantsThePinBeforeTheAuthenticationCertificate() {
        card = SimulatedCards.insert(SimulatedCards.android());

        CliRun run = run("read-cert", "auth", "--provider", SIMULATOR);

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.REFUSED);
        assertThat(run.errLines()).singleElement().asString().startsWith("security_status_not_satisfied:");
    }

    @Test
    void smartphoneReleasesTheAuthenticationCertificateAfterThePin() throws Exception {
        IssuedCard issued = SimulatedCards.android();
        card = SimulatedCards.insert(issued);

        CliRun run = runWithInput(SimulatedCards.PIN + "\n", "read-cert", "auth", "--pin-stdin", "--provider", SIMULATOR);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(PemCertificates.parse(run.out())).containsExactly(issued.authCertificate());
    }

    @Test
    void unknownCertificateIsAUsageError() {
        CliRun run = run("read-cert", "ca", "--provider", SIMULATOR);

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.USAGE);
        assertThat(run.errLines()).singleElement().asString().startsWith("usage: read-cert takes auth or sign");
    }
}
