package io.mynagate.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.mynagate.bridge.card.CardService;
import io.mynagate.bridge.testing.LogCapture;
import io.mynagate.bridge.testing.RawHttp;
import io.mynagate.bridge.testing.SimulatedCards;
import io.mynagate.bridge.testing.TestIdentityProvider;
import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.card.CardConnector;
import io.mynagate.jpki.card.CardConnectors;
import io.mynagate.jpki.card.CardReaders;
import io.mynagate.jpki.card.PinKind;
import io.mynagate.jpki.claims.ClaimName;
import io.mynagate.jpki.login.LoginExpectations;
import io.mynagate.jpki.login.VerifiedLogin;
import io.mynagate.jpki.profile.CertificateKind;
import io.mynagate.simulator.card.SimulatedCard;
import io.mynagate.simulator.pki.IssuedCard;
import io.mynagate.simulator.smartcardio.VirtualReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /handoff/<id>/sign}: the card signs what the identity provider's {@code LoginVerifier}
 * accepts, with exactly the claims the resident left checked; every refusal costs at most the try the
 * rules say, and the request stays open for a retry until it is signed.
 */
class SignTest {
    private static TestIdentityProvider idp;
    private Bridge bridge;
    private SimulatedCard card;
    private String nonce;

    @BeforeAll
    static void startIdentityProvider() {
        idp = TestIdentityProvider.start();
    }

    @AfterAll
    static void stopIdentityProvider() {
        idp.close();
    }

    @BeforeEach
    void startBridge() {
        bridge = Bridge.start(idp);
        nonce = TestIdentityProvider.nonce();
    }

    @AfterEach
    void stopBridge() {
        bridge.close();
        if (card != null) {
            assertThat(card.myNumberReads()).isZero();
        }
        SimulatedCards.removeCard();
    }

    @Test
    void authAssertionInTheReturnUriFragmentIsAcceptedByTheLoginVerifier() throws Exception {
        IssuedCard issued = SimulatedCards.adult();
        card = SimulatedCards.insert(issued);
        Bridge.OpenPage page = bridge.open(auth());

        RawHttp.Response signed = bridge.sign(page, Bridge.form(page, "pin", SimulatedCards.PIN));

        assertThat(signed.status()).as(signed.toString()).isEqualTo(303);
        VerifiedLogin login = SimulatedCards.verifierWithoutRevocation()
                .verify(assertion(signed), LoginExpectations.auth(idp.issuer(), nonce));
        assertThat(login.purpose()).isEqualTo(Purpose.AUTH);
        assertThat(login.certificateKind()).isEqualTo(CertificateKind.AUTHENTICATION);
        assertThat(login.certificate()).isEqualTo(issued.authCertificate());
        assertThat(card.signatures()).isEqualTo(1);
    }

    @Test
    void shareAssertionIsSignedWithTheSignatureKeyForTheRequestingClient() throws Exception {
        IssuedCard issued = SimulatedCards.adult();
        card = SimulatedCards.insert(issued);
        Bridge.OpenPage page = bridge.open(share(ClaimName.NAME, ClaimName.ADDRESS, ClaimName.ageOver(18)));

        RawHttp.Response signed = bridge.sign(page, Bridge.form(page, "claim", "name", "claim", "address",
                "claim", "age_over_18", "pin", SimulatedCards.PASSWORD));

        assertThat(signed.status()).as(signed.toString()).isEqualTo(303);
        VerifiedLogin login = SimulatedCards.verifierWithoutRevocation().verify(assertion(signed), LoginExpectations.share(
                idp.issuer(), nonce, TestIdentityProvider.CLIENT_ID, List.of("name", "address", "age_over_18")));
        assertThat(login.certificateKind()).isEqualTo(CertificateKind.SIGNATURE);
        assertThat(login.certificate()).isEqualTo(issued.signatureCertificate().orElseThrow());
        assertThat(login.releasedClaims()).containsExactly(Map.entry("name", SimulatedCards.NAME),
                Map.entry("address", SimulatedCards.ADDRESS), Map.entry("age_over_18", true));
    }

    @Test
    void aClaimTheResidentUncheckedIsAbsentFromTheSignedPayload() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        Bridge.OpenPage page = bridge.open(share(ClaimName.NAME, ClaimName.ADDRESS, ClaimName.ageOver(18)));

        RawHttp.Response signed = bridge.sign(page, Bridge.form(page, "claim", "age_over_18", "claim", "name",
                "pin", SimulatedCards.PASSWORD));

        assertThat(signed.status()).as(signed.toString()).isEqualTo(303);
        assertThat(SignedJWT.parse(assertion(signed)).getJWTClaimsSet().getStringListClaim("approved_claims"))
                .containsExactly("name", "age_over_18");
        VerifiedLogin login = SimulatedCards.verifierWithoutRevocation().verify(assertion(signed), LoginExpectations.share(
                idp.issuer(), nonce, TestIdentityProvider.CLIENT_ID, List.of("name", "address", "age_over_18")));
        assertThat(login.releasedClaims()).containsOnlyKeys("name", "age_over_18");
    }

    @Test
    void refusesASecondSignatureOfTheSameRequest() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        Bridge.OpenPage page = bridge.open(auth());
        assertThat(bridge.sign(page, Bridge.form(page, "pin", SimulatedCards.PIN)).status()).isEqualTo(303);

        RawHttp.Response again = bridge.sign(page, Bridge.form(page, "pin", SimulatedCards.PIN));

        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body()).contains("request_gone");
        assertThat(card.signatures()).isEqualTo(1);
        assertThat(bridge.reload(page).status()).isEqualTo(410);
    }

    @Test
    void wrongPinShowsTheTriesLeftAndTheSameRequestMayBeRetried() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        Bridge.OpenPage page = bridge.open(auth());

        RawHttp.Response wrong = bridge.sign(page, Bridge.form(page, "pin", "9999"));

        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("暗証番号が違います。残り回数は2回です。", "暗証番号の残り回数：2回", "name=\"pin\"");
        assertThat(SimulatedCards.triesLeft(card, PinKind.AUTHENTICATION)).isEqualTo(2);
        RawHttp.Response retried = bridge.sign(page, Bridge.form(page, "pin", SimulatedCards.PIN));
        assertThat(retried.status()).isEqualTo(303);
        SimulatedCards.verifierWithoutRevocation().verify(assertion(retried), LoginExpectations.auth(idp.issuer(), nonce));
    }

    @Test
    void wrongSignaturePasswordShowsItsTriesLeft() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        Bridge.OpenPage page = bridge.open(share(ClaimName.NAME));

        RawHttp.Response wrong = bridge.sign(page, Bridge.form(page, "claim", "name", "pin", "WRONG9"));

        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("パスワードが違います。残り回数は4回です。");
        assertThat(SimulatedCards.triesLeft(card, PinKind.SIGNATURE)).isEqualTo(4);
        assertThat(SimulatedCards.triesLeft(card, PinKind.AUTHENTICATION)).isEqualTo(3);
    }

    @Test
    void refusesAPinOfTheWrongFormatBeforeTheCard() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        Bridge.OpenPage page = bridge.open(auth());

        RawHttp.Response refused = bridge.sign(page, Bridge.form(page, "pin", "12a"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("暗証番号は数字4桁です。カードは使っていないため、残り回数は減っていません。");
        assertThat(SimulatedCards.triesLeft(card, PinKind.AUTHENTICATION)).isEqualTo(3);
        assertThat(card.signatures()).isZero();
    }

    @Test
    void refusesTheLastTryWithoutConfirmationAndSpendsNone() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        SimulatedCards.spendTries(card, PinKind.AUTHENTICATION, 2);
        Bridge.OpenPage page = bridge.open(auth());

        RawHttp.Response refused = bridge.sign(page, Bridge.form(page, "pin", SimulatedCards.PIN));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("入力する前に、確認の欄にチェックを入れてください", "name=\"confirm_last_try\"");
        assertThat(SimulatedCards.triesLeft(card, PinKind.AUTHENTICATION)).isEqualTo(1);
        assertThat(card.signatures()).isZero();
    }

    @Test
    void signsWithTheLastTryOnceTheResidentConfirmed() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        SimulatedCards.spendTries(card, PinKind.AUTHENTICATION, 2);
        Bridge.OpenPage page = bridge.open(auth());

        RawHttp.Response signed = bridge.sign(page, Bridge.form(page, "confirm_last_try", "yes", "pin", SimulatedCards.PIN));

        assertThat(signed.status()).isEqualTo(303);
        assertThat(SimulatedCards.triesLeft(card, PinKind.AUTHENTICATION)).isEqualTo(3);
    }

    @Test
    void aWrongConfirmedLastTryBlocksThePinAndThePageExplainsIt() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        SimulatedCards.spendTries(card, PinKind.AUTHENTICATION, 2);
        Bridge.OpenPage page = bridge.open(auth());

        RawHttp.Response blocked = bridge.sign(page, Bridge.form(page, "confirm_last_try", "yes", "pin", "9999"));

        assertThat(blocked.status()).isEqualTo(422);
        assertThat(blocked.body()).contains("暗証番号がロックされています", "市区町村の窓口");
        assertThat(blocked.body()).doesNotContain("name=\"pin\"");
        assertThat(SimulatedCards.triesLeft(card, PinKind.AUTHENTICATION)).isZero();
    }

    @Test
    void refusesABlockedPinWithoutSendingIt() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        Bridge.OpenPage page = bridge.open(auth());
        SimulatedCards.spendTries(card, PinKind.AUTHENTICATION, 3);

        RawHttp.Response blocked = bridge.sign(page, Bridge.form(page, "pin", SimulatedCards.PIN));

        assertThat(blocked.status()).isEqualTo(422);
        assertThat(blocked.body()).contains("暗証番号がロックされています");
        assertThat(SimulatedCards.triesLeft(card, PinKind.AUTHENTICATION)).isZero();
        assertThat(card.signatures()).isZero();
    }

    @Test
    void cardRemovedBetweenPinEntryAndSignatureLeavesTheRequestOpenForARetry() throws Exception {
        IssuedCard issued = SimulatedCards.adult();
        card = issued.toSimulatedCard();
        VirtualReader.shared().insert(SimulatedCards.removedAfterPin(card));
        Bridge.OpenPage page = bridge.open(auth());

        RawHttp.Response removed = bridge.sign(page, Bridge.form(page, "pin", SimulatedCards.PIN));

        assertThat(removed.status()).isEqualTo(503);
        assertThat(removed.body()).contains("署名の途中でカードが取り外されました", "マイナンバーカードが見つかりません", "id=\"retry\"");
        assertThat(card.signatures()).isZero();
        assertThat(SimulatedCards.triesLeft(card, PinKind.AUTHENTICATION)).isEqualTo(3);
        VirtualReader.shared().insert(card);
        RawHttp.Response signed = bridge.sign(page, Bridge.form(page, "pin", SimulatedCards.PIN));
        assertThat(signed.status()).isEqualTo(303);
        SimulatedCards.verifierWithoutRevocation().verify(assertion(signed), LoginExpectations.auth(idp.issuer(), nonce));
    }

    @Test
    void noReaderAtSigningIsExplainedAndTheRequestStaysOpen() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        AtomicBoolean plugged = new AtomicBoolean(true);
        CardReaders simulator = CardConnectors.readersForProvider(Bridge.SIMULATOR);
        CardConnector connector = CardConnectors.forProvider(Bridge.SIMULATOR);
        CardService unpluggable = CardService.builder()
                .readers(() -> plugged.get() ? simulator.list() : List.of())
                .connector(connector)
                .build();
        try (Bridge withUsbReader = Bridge.start(idp, unpluggable)) {
            Bridge.OpenPage page = withUsbReader.open(auth());
            plugged.set(false);

            RawHttp.Response unplugged = withUsbReader.sign(page, Bridge.form(page, "pin", SimulatedCards.PIN));

            assertThat(unplugged.status()).isEqualTo(503);
            assertThat(unplugged.body()).contains("カードリーダーが見つかりません", "id=\"retry\"");
            assertThat(SimulatedCards.triesLeft(card, PinKind.AUTHENTICATION)).isEqualTo(3);
            plugged.set(true);
            assertThat(withUsbReader.sign(page, Bridge.form(page, "pin", SimulatedCards.PIN)).status()).isEqualTo(303);
        }
    }

    @Test
    void refusesAClaimTheServiceDidNotRequest() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        Bridge.OpenPage page = bridge.open(share(ClaimName.NAME));

        RawHttp.Response refused = bridge.sign(page, Bridge.form(page, "claim", "name", "claim", "address",
                "pin", SimulatedCards.PASSWORD));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("claim_not_requested");
        assertThat(SimulatedCards.triesLeft(card, PinKind.SIGNATURE)).isEqualTo(5);
        assertThat(card.signatures()).isZero();
    }

    @Test
    void refusesClaimsOnAnAuthRequest() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        Bridge.OpenPage page = bridge.open(auth());

        RawHttp.Response refused = bridge.sign(page, Bridge.form(page, "claim", "name", "pin", SimulatedCards.PIN));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("claim_not_requested");
        assertThat(card.signatures()).isZero();
    }

    @Test
    void asksForAtLeastOneClaimWhenTheResidentUncheckedAll() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        Bridge.OpenPage page = bridge.open(share(ClaimName.NAME, ClaimName.GENDER));

        RawHttp.Response refused = bridge.sign(page, Bridge.form(page, "pin", SimulatedCards.PASSWORD));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("提供する情報を1つ以上選んでください");
        assertThat(refused.body()).doesNotContain(" checked>");
        assertThat(SimulatedCards.triesLeft(card, PinKind.SIGNATURE)).isEqualTo(5);
    }

    @Test
    void thePinIsNeitherEchoedInThePageNorLogged() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        try (LogCapture logs = new LogCapture()) {
            Bridge.OpenPage page = bridge.open(auth());

            RawHttp.Response wrong = bridge.sign(page, Bridge.form(page, "pin", "8642"));
            RawHttp.Response signed = bridge.sign(page, Bridge.form(page, "pin", SimulatedCards.PIN));

            assertThat(wrong.body()).doesNotContainPattern("(?<![0-9])8642(?![0-9])");
            assertThat(signed.status()).isEqualTo(303);
            assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.matches("(?s).*(?<![0-9])(8642|"
                    + SimulatedCards.PIN + ")(?![0-9]).*"));
            assertThat(logs.lines()).noneMatch(line -> line.contains(nonce) || line.contains(page.csrf()));
        }
    }

    private String auth() {
        return idp.sign(idp.handoff(Purpose.AUTH).nonce(nonce));
    }

    private String share(ClaimName... claims) {
        return idp.sign(idp.handoff(Purpose.SHARE).nonce(nonce).claims(List.of(claims)));
    }

    /** The assertion from the redirect: {@code <return_uri>#assertion=<JWS>}. */
    private static String assertion(RawHttp.Response redirect) {
        String location = redirect.header("Location");
        String prefix = idp.returnUri() + "#assertion=";
        assertThat(location).startsWith(prefix);
        return location.substring(prefix.length());
    }
}
