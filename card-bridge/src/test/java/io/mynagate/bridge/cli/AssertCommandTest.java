package io.mynagate.bridge.cli;

import static io.mynagate.bridge.testing.CliRun.SIMULATOR;
import static io.mynagate.bridge.testing.CliRun.runWithInput;
import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.bridge.testing.CliRun;
import io.mynagate.bridge.testing.SimulatedCards;
import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.card.PinKind;
import io.mynagate.jpki.login.LoginExpectations;
import io.mynagate.jpki.login.VerifiedLogin;
import io.mynagate.jpki.profile.CertificateKind;
import io.mynagate.simulator.card.SimulatedCard;
import io.mynagate.simulator.pki.IssuedCard;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code card-bridge assert} against the simulator's in-process card: what it signs is exactly what the
 * identity provider's {@link io.mynagate.jpki.login.LoginVerifier} accepts, and every refusal costs at
 * most the one try the card itself counts.
 */
class AssertCommandTest {
    private static final String AUDIENCE = "https://idp.example/realms/myna";
    private static final String NONCE = "n-0S6_WzA2Mj";
    private static final String CLIENT = "bank";

    private SimulatedCard card;

    @AfterEach
    void neverReadsTheMyNumber() {
        if (card != null) {
            assertThat(card.myNumberReads()).isZero();
        }
        SimulatedCards.removeCard();
    }

    @Test
    void authAssertionIsAcceptedByTheLoginVerifier() throws Exception {
        IssuedCard issued = SimulatedCards.adult();
        card = SimulatedCards.insert(issued);

        CliRun run = assertion(SimulatedCards.PIN, "--purpose", "auth");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        VerifiedLogin login = SimulatedCards.verifierWithoutRevocation()
                .verify(run.lastLine(), LoginExpectations.auth(AUDIENCE, NONCE));
        assertThat(login.purpose()).isEqualTo(Purpose.AUTH);
        assertThat(login.certificateKind()).isEqualTo(CertificateKind.AUTHENTICATION);
        assertThat(login.certificate()).isEqualTo(issued.authCertificate());
    }

    @Test
    void purposeDefaultsToAuth() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());

        CliRun run = assertion(SimulatedCards.PIN);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(SimulatedCards.verifierWithoutRevocation()
                .verify(run.lastLine(), LoginExpectations.auth(AUDIENCE, NONCE)).purpose()).isEqualTo(Purpose.AUTH);
    }

    @Test
    void shareAssertionReleasesExactlyTheApprovedClaims() throws Exception {
        IssuedCard issued = SimulatedCards.adult();
        card = SimulatedCards.insert(issued);

        CliRun run = assertion(SimulatedCards.PASSWORD, "--purpose", "share", "--client-id", CLIENT,
                "--claims", "name,age_over_18");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        VerifiedLogin login = SimulatedCards.verifierWithoutRevocation().verify(run.lastLine(),
                LoginExpectations.share(AUDIENCE, NONCE, CLIENT, List.of("name", "address", "age_over_18")));
        assertThat(login.certificateKind()).isEqualTo(CertificateKind.SIGNATURE);
        assertThat(login.certificate()).isEqualTo(issued.signatureCertificate().orElseThrow());
        assertThat(login.releasedClaims()).containsExactly(
                java.util.Map.entry("name", SimulatedCards.NAME), java.util.Map.entry("age_over_18", true));
    }

    @Test
    void jwsIsTheLastLineOfStdoutAndNothingElseIsPrinted() {
        card = SimulatedCards.insert(SimulatedCards.adult());

        CliRun run = assertion(SimulatedCards.PIN);

        assertThat(run.outLines()).hasSize(1);
        assertThat(run.lastLine()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void wrongPinIsRefusedWithTheTriesLeftAndSpendsExactlyOneTry() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());

        CliRun run = assertion("9999");

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.REFUSED);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString().startsWith("wrong_pin: wrong PIN, 2 tries left");
        assertThat(SimulatedCards.triesLeft(card, PinKind.AUTHENTICATION)).isEqualTo(2);
        assertThat(card.signatures()).isZero();
    }

    @Test
    void wrongSignaturePasswordIsRefusedWithTheTriesLeftAndSpendsExactlyOneTry() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());

        CliRun run = assertion("WRONG9", "--purpose", "share", "--client-id", CLIENT, "--claims", "name");

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.REFUSED);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("wrong_pin: wrong signature password, 4 tries left");
        assertThat(SimulatedCards.triesLeft(card, PinKind.SIGNATURE)).isEqualTo(4);
        assertThat(SimulatedCards.triesLeft(card, PinKind.AUTHENTICATION)).isEqualTo(3);
    }

    @Test
    void pinOfTheWrongFormatIsRefusedWithoutSpendingATry() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());

        for (String malformed : List.of("123", "12345", "12a4", "", "１２３４")) {
            CliRun run = assertion(malformed);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(CardBridgeCli.REFUSED);
            assertThat(run.errLines()).singleElement().asString().startsWith("pin_format: the PIN is 4 digits");
        }
        assertThat(SimulatedCards.triesLeft(card, PinKind.AUTHENTICATION)).isEqualTo(3);
        assertThat(card.signatures()).isZero();
    }

    @Test
    void pinFormatIsCheckedBeforeTheCardIsTouched() {
        SimulatedCards.removeCard();

        CliRun run = assertion("12");

        // With no card at all the format is what is reported: the card was never asked for.
        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.REFUSED);
        assertThat(run.errLines()).singleElement().asString().startsWith("pin_format:");
    }

    @Test
    void lowerCaseSignaturePasswordIsRefusedWithoutSpendingATry() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());

        CliRun run = assertion("abc123", "--purpose", "share", "--client-id", CLIENT, "--claims", "name");

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.REFUSED);
        assertThat(run.errLines()).singleElement().asString().startsWith("pin_format: the signature password");
        assertThat(SimulatedCards.triesLeft(card, PinKind.SIGNATURE)).isEqualTo(5);
    }

    @Test
    void blockedPinIsRefused() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.blockedPin());

        CliRun run = assertion(SimulatedCards.PIN);

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.REFUSED);
        assertThat(run.errLines()).singleElement().asString().startsWith("pin_blocked: the PIN is blocked");
        assertThat(card.signatures()).isZero();
    }

    @Test
    void shareOnACardWithoutSignatureCertificateIsRefusedWithoutSpendingATry() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.child());

        CliRun run = assertion(SimulatedCards.PASSWORD, "--purpose", "share", "--client-id", CLIENT, "--claims", "name");

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.REFUSED);
        assertThat(run.errLines()).singleElement().asString().startsWith("no_signature_certificate:");
        assertThat(SimulatedCards.triesLeft(card, PinKind.AUTHENTICATION)).isEqualTo(3);
    }

    @Test
    void smartphoneTokenSignsAnAuthAssertionAfterThePin() throws Exception {
        IssuedCard issued = SimulatedCards.android();
        card = SimulatedCards.insert(issued);

        CliRun run = assertion(SimulatedCards.PIN);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(SimulatedCards.verifierWithoutRevocation().verify(run.lastLine(),
                LoginExpectations.auth(AUDIENCE, NONCE)).certificate()).isEqualTo(issued.authCertificate());
    }

    @Test
    void emptyReaderIsReportedAsNoCard() {
        SimulatedCards.removeCard();

        CliRun run = assertion(SimulatedCards.PIN);

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.UNAVAILABLE);
        assertThat(run.errLines()).singleElement().asString().startsWith("no_card: no card in any reader");
    }

    @Test
    void unknownReaderIsReportedAsNoReader() {
        card = SimulatedCards.insert(SimulatedCards.adult());

        CliRun run = assertion(SimulatedCards.PIN, "--reader", "No Such Reader 00 00");

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.UNAVAILABLE);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("no_reader: no card reader named 'No Such Reader 00 00'");
    }

    @Test
    void unknownClaimIsAUsageErrorAndTheCardIsNotUsed() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());

        CliRun run = assertion(SimulatedCards.PASSWORD, "--purpose", "share", "--client-id", CLIENT,
                "--claims", "name,age_over_018");

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.USAGE);
        assertThat(run.errLines()).singleElement().asString().startsWith("usage: 'age_over_018' is not a claim name");
        assertThat(SimulatedCards.triesLeft(card, PinKind.SIGNATURE)).isEqualTo(5);
    }

    @Test
    void shareWithoutClientIdIsAUsageError() {
        card = SimulatedCards.insert(SimulatedCards.adult());

        CliRun run = assertion(SimulatedCards.PASSWORD, "--purpose", "share", "--claims", "name");

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.USAGE);
        assertThat(run.errLines()).singleElement().asString().startsWith("usage: the client id");
    }

    @Test
    void authWithClaimsIsAUsageError() {
        card = SimulatedCards.insert(SimulatedCards.adult());

        CliRun run = assertion(SimulatedCards.PIN, "--claims", "name");

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("share only");
    }

    @Test
    void relativeAudienceIsAUsageError() {
        card = SimulatedCards.insert(SimulatedCards.adult());

        CliRun run = runWithInput(SimulatedCards.PIN + "\n", "assert", "--provider", SIMULATOR,
                "--audience", "/realms/myna", "--nonce", NONCE, "--pin-stdin");

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.USAGE);
        assertThat(run.errLines()).singleElement().asString().startsWith("usage: the audience");
    }

    @Test
    void withoutPinStdinIsAUsageError() {
        card = SimulatedCards.insert(SimulatedCards.adult());

        CliRun run = runWithInput(SimulatedCards.PIN + "\n", "assert", "--provider", SIMULATOR,
                "--audience", AUDIENCE, "--nonce", NONCE);

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.USAGE);
        assertThat(run.errLines()).singleElement().asString().startsWith("usage: give the PIN on stdin");
    }

    @Test
    void pinTypedAsAnArgumentIsNotEchoed() {
        card = SimulatedCards.insert(SimulatedCards.adult());

        CliRun run = runWithInput("", "assert", "--provider", SIMULATOR, "--audience", AUDIENCE,
                "--nonce", NONCE, "--pin-stdin", "8642");

        assertThat(run.exitCode()).isEqualTo(CardBridgeCli.USAGE);
        assertThat(run.out() + run.err()).doesNotContain("8642");
    }

    @Test
    void noOutputContainsThePin() {
        card = SimulatedCards.insert(SimulatedCards.adult());

        CliRun good = assertion(SimulatedCards.PIN);
        CliRun wrong = assertion("9876");

        assertThat(good.err()).doesNotContain(SimulatedCards.PIN);
        assertThat(wrong.out() + wrong.err()).doesNotContain("9876");
    }

    private static CliRun assertion(String secret, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("assert", "--provider", SIMULATOR,
                "--audience", AUDIENCE, "--nonce", NONCE, "--pin-stdin"));
        args.addAll(List.of(extra));
        return runWithInput(secret + "\n", args.toArray(String[]::new));
    }
}
