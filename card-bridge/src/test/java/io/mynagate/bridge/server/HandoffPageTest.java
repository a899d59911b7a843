package io.mynagate.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.bridge.card.CardService;
import io.mynagate.bridge.testing.RawHttp;
import io.mynagate.bridge.testing.SimulatedCards;
import io.mynagate.bridge.testing.TestIdentityProvider;
import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.card.PinKind;
import io.mynagate.jpki.claims.ClaimName;
import io.mynagate.simulator.card.SimulatedCard;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /handoff} and the request's page: nothing is shown before jpki's verifier accepted the
 * request; a refusal says why in the resident's language and leaves the card and the bridge as they were;
 * an accepted request shows who asks, for what, and the card's tries left (read without spending one).
 */
class HandoffPageTest {
    private static TestIdentityProvider idp;
    private Bridge bridge;
    private SimulatedCard card;

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
    void authPageShowsTheServiceTheIdentityProviderAndThePurpose() {
        card = SimulatedCards.insert(SimulatedCards.adult());

        Bridge.OpenPage page = bridge.open(idp.auth());

        assertThat(page.response().status()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"ja\">", "マイナンバーカードでログイン", TestIdentityProvider.CLIENT_NAME,
                URI.create(idp.issuer()).getAuthority(), "ログイン（利用者証明用電子証明書で",
                "利用者証明用暗証番号（数字4桁）", "name=\"pin\"", "type=\"password\"");
        assertThat(page.body()).doesNotContain("name=\"claim\"");
    }

    @Test
    void pageShowsTheTriesLeftTheCardCountsWithoutSpendingOne() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        SimulatedCards.spendTries(card, PinKind.AUTHENTICATION, 1);

        Bridge.OpenPage page = bridge.open(idp.auth());

        assertThat(page.body()).contains("暗証番号の残り回数：2回");
        assertThat(SimulatedCards.triesLeft(card, PinKind.AUTHENTICATION)).isEqualTo(2);
        assertThat(card.signatures()).isZero();
    }

    @Test
    void sharePageShowsEveryRequestedClaimWithACheckedBoxAndAHumanLabel() {
        card = SimulatedCards.insert(SimulatedCards.adult());

        Bridge.OpenPage page = bridge.open(idp.share(ClaimName.NAME, ClaimName.ADDRESS, ClaimName.ageOver(18)));

        assertThat(page.body()).contains("情報の提供の確認", "署名用電子証明書のパスワード（英大文字と数字、6～16文字）",
                "パスワードの残り回数：5回",
                "value=\"name\" id=\"claim-0\" checked><label for=\"claim-0\">氏名</label>",
                "value=\"address\" id=\"claim-1\" checked><label for=\"claim-1\">住所</label>",
                "value=\"age_over_18\" id=\"claim-2\" checked><label for=\"claim-2\">18歳以上であるかどうか");
        assertThat(page.body().split("name=\"claim\"", -1)).hasSize(4);
    }

    @Test
    void speaksEnglishWhenTheBrowserPrefersIt() {
        card = SimulatedCards.insert(SimulatedCards.adult());

        Bridge.OpenPage page = bridge.open(idp.share(ClaimName.BIRTHDATE, ClaimName.GENDER),
                "Accept-Language: en-GB,en;q=0.9,ja;q=0.8");

        assertThat(page.body()).contains("<html lang=\"en\">", "Confirm what you share", "Date of birth", "Sex",
                "Signature password (6 to 16 characters, A-Z and 0-9)", "Password tries left: 5");
    }

    @Test
    void speaksJapaneseWhenTheBrowserPrefersNeitherLanguage() {
        card = SimulatedCards.insert(SimulatedCards.adult());

        Bridge.OpenPage page = bridge.open(idp.auth(), "Accept-Language: fr-FR,de;q=0.5");

        assertThat(page.body()).contains("<html lang=\"ja\">", "マイナンバーカードでログイン");
    }

    @Test
    void languageLinkShowsTheSamePageInTheOtherLanguage() {
        card = SimulatedCards.insert(SimulatedCards.adult());
        Bridge.OpenPage page = bridge.open(idp.auth());
        assertThat(page.body()).contains("href=\"" + page.path() + "?lang=en\"");

        RawHttp.Response english = bridge.http.get(page.path() + "?lang=en");

        assertThat(english.body()).contains("<html lang=\"en\">", "Log in with your My Number card",
                "User-authentication PIN (4 digits)");
    }

    @Test
    void warnsAndAsksForConfirmationWhenOneTryIsLeft() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        SimulatedCards.spendTries(card, PinKind.AUTHENTICATION, 2);

        Bridge.OpenPage page = bridge.open(idp.auth());

        assertThat(page.body()).contains("暗証番号の残り回数はあと1回です", "市区町村の窓口",
                "name=\"confirm_last_try\" value=\"yes\"", "残り1回であることを理解したうえで入力します", "name=\"pin\"");
        assertThat(SimulatedCards.triesLeft(card, PinKind.AUTHENTICATION)).isEqualTo(1);
    }

    @Test
    void explainsABlockedPinAndOffersNoPinField() {
        card = SimulatedCards.insert(SimulatedCards.blockedPin());

        Bridge.OpenPage page = bridge.open(idp.auth());

        assertThat(page.body()).contains("暗証番号がロックされています", "お住まいの市区町村の窓口で、暗証番号の再設定");
        assertThat(page.body()).doesNotContain("name=\"pin\"", "name=\"csrf\"");
    }

    @Test
    void explainsThatACardWithoutSignatureCertificateCannotShare() {
        card = SimulatedCards.insert(SimulatedCards.child());

        Bridge.OpenPage page = bridge.open(idp.share(ClaimName.ageOver(18)));

        assertThat(page.body()).contains("署名用電子証明書がありません", "15歳未満", "18歳以上であるかどうか");
        assertThat(page.body()).doesNotContain("name=\"pin\"");
    }

    @Test
    void explainsNoCardAndShowsTheFormOnceTheCardIsThere() {
        SimulatedCards.removeCard();

        Bridge.OpenPage page = bridge.open(idp.auth());

        assertThat(page.body()).contains("マイナンバーカードが見つかりません", "もう一度確認する",
                "id=\"retry\" href=\"" + page.path() + "?lang=ja\"");
        assertThat(page.body()).doesNotContain("name=\"pin\"");

        card = SimulatedCards.insert(SimulatedCards.adult());
        assertThat(bridge.reload(page).body()).contains("name=\"pin\"", "暗証番号の残り回数：3回");
    }

    @Test
    void explainsNoReaderAndOffersARetry() {
        try (Bridge withoutReaders = Bridge.start(idp, CardService.builder().readers(List::of)
                .connector((name, wait) -> {
                    throw new AssertionError("no reader to connect to");
                }).build())) {

            Bridge.OpenPage page = withoutReaders.open(idp.auth(), "Accept-Language: en");

            assertThat(page.body()).contains("No card reader was found", "Check again");
            assertThat(page.body()).doesNotContain("name=\"pin\"");
        }
    }

    @Test
    void forgetsTheRequestOnceItExpires() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        try (Bridge strict = startWithoutSkew()) {
            Bridge.OpenPage page = strict.open(idp.sign(idp.handoff(Purpose.AUTH).lifetime(Duration.ofSeconds(1))));
            Thread.sleep(2100);

            RawHttp.Response expired = strict.reload(page);

            assertThat(expired.status()).isEqualTo(410);
            assertThat(expired.body()).contains("この要求は終了しています", "request_gone");
        }
    }

    @Test
    void refusesANewRequestRatherThanForgetAnOpenOneWhenFull() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        try (Bridge small = Bridge.start(BridgeServer.builder()
                .cardService(CardService.builder().provider(Bridge.SIMULATOR).build())
                .verifier(idp.verifier().build()).maxPending(1).port(0).start())) {
            Bridge.OpenPage open = small.open(idp.auth());

            RawHttp.Response refused = small.handoff(idp.auth());

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body()).contains("too_many_requests");
            assertThat(small.reload(open).body()).contains("name=\"pin\"");
        }
    }

    @Test
    void startPageShowsTheCardsStatusWithoutSpendingATry() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        SimulatedCards.spendTries(card, PinKind.SIGNATURE, 1);

        RawHttp.Response home = bridge.http.get("/");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("カードブリッジは動作しています", "マイナンバーカードを確認しました",
                "利用者証明用暗証番号の残り回数：3回", "署名用電子証明書のパスワードの残り回数：4回");
        assertThat(SimulatedCards.triesLeft(card, PinKind.SIGNATURE)).isEqualTo(4);
    }

    // ---- refusals: each leaves the card untouched and the bridge serving ----

    @Test
    void refusesAnUnsignedRequest() throws Exception {
        assertRefused(idp.unsigned(), "unsigned_request", "要求に署名がありません");
    }

    @Test
    void refusesAnExpiredRequest() throws Exception {
        Clock tenMinutesAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC);

        assertRefused(idp.sign(idp.handoff(Purpose.AUTH).clock(tenMinutesAgo)), "request_expired", "有効期限が切れています");
    }

    @Test
    void refusesAReplayedRequest() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        String jws = idp.auth();
        assertThat(bridge.handoff(jws).status()).isEqualTo(303);

        assertRefused(jws, "request_replayed", "この要求はすでに使われています");
    }

    @Test
    void refusesARequestOfAnIssuerNotOnTheAllowlist() throws Exception {
        String other = idp.issuer().replace("/realms/test", "/realms/other");

        assertRefused(idp.sign(idp.handoff(Purpose.AUTH).issuer(other).returnUri(URI.create(other + "/login-actions/card"))),
                "issuer_not_allowed", "このカードブリッジに登録されていません");
    }

    @Test
    void refusesAReturnUriOnAnotherOrigin() throws Exception {
        assertRefused(idp.signAuthByHand(URI.create("http://127.0.0.1:1/realms/test/login-actions/card")),
                "return_uri_foreign", "戻り先が認証サービスのものではありません");
    }

    @Test
    void refusesAHandoffWithoutRequest() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());

        RawHttp.Response refused = bridge.http.get("/handoff");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("malformed_request");
        assertStillServing();
    }

    @Test
    void saysWhyInEnglishWhenTheBrowserPrefersIt() {
        RawHttp.Response refused = bridge.handoff(idp.unsigned(), "Accept-Language: en-US,en;q=0.9");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("<html lang=\"en\">", "This request cannot be accepted",
                "The request is not signed", "Reason code: unsigned_request");
    }

    @Test
    void answersServiceUnavailableWhenTheKeySetCannotBeFetched() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        URI nowhere = URI.create("http://127.0.0.1:" + SimulatedCards.freePort() + "/certs");
        try (Bridge unreachable = Bridge.start(idp, CardService.builder().provider(Bridge.SIMULATOR).build(),
                io.mynagate.jpki.handoff.HandoffRequestVerifier.builder().allowIssuer(idp.issuer(), nowhere)
                        .allowHttpOnLoopback().build())) {

            RawHttp.Response refused = unreachable.handoff(idp.auth());

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body()).contains("key_set_unavailable", "しばらくしてからやり直してください");
        }
        assertCardUntouched();
    }

    private void assertRefused(String jws, String code, String japanese) throws Exception {
        if (card == null) {
            card = SimulatedCards.insert(SimulatedCards.adult());
        }

        RawHttp.Response refused = bridge.handoff(jws);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body()).contains("この要求はお受けできません", japanese, "理由コード：" + code);
        assertThat(refused.body()).doesNotContain("name=\"pin\"");
        assertCardUntouched();
        assertStillServing();
    }

    private void assertCardUntouched() throws Exception {
        assertThat(SimulatedCards.triesLeft(card, PinKind.AUTHENTICATION)).isEqualTo(3);
        assertThat(SimulatedCards.triesLeft(card, PinKind.SIGNATURE)).isEqualTo(5);
        assertThat(card.signatures()).isZero();
    }

    private void assertStillServing() {
        assertThat(bridge.open(idp.auth()).body()).contains("name=\"pin\"");
    }

    private static Bridge startWithoutSkew() throws Exception {
        return Bridge.start(BridgeServer.builder()
                .cardService(CardService.builder().provider(Bridge.SIMULATOR).build())
                .verifier(idp.verifier().maxSkew(Duration.ZERO).build())
                .maxSkew(Duration.ZERO)
                .port(0)
                .start());
    }
}
