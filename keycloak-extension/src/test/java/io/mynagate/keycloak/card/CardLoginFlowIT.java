package io.mynagate.keycloak.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.mynagate.jpki.handoff.HandoffRequest;
import io.mynagate.jpki.identity.CertificateIdKey;
import io.mynagate.keycloak.testing.AdminApi;
import io.mynagate.keycloak.testing.Browser;
import io.mynagate.keycloak.testing.CardFlow;
import io.mynagate.keycloak.testing.KeycloakServerExtension;
import io.mynagate.keycloak.testing.RelyingParty;
import io.mynagate.keycloak.testing.RunningKeycloak;
import io.mynagate.keycloak.testing.SimulatedBridge;
import io.mynagate.simulator.pki.CertKind;
import io.mynagate.simulator.pki.IssuedCard;
import io.mynagate.simulator.pki.RevocationReason;
import io.mynagate.simulator.pki.TestPki;
import io.mynagate.simulator.revocation.FaultSwitch;
import io.mynagate.simulator.revocation.RevocationServices;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A resident logs in with the card, end to end, in the real Keycloak: the authorization code flow with
 * PKCE S256 over HTTP ({@link Browser}), this test playing the card bridge ({@link SimulatedBridge}: it
 * verifies the hand-off request against the realm's JWK set and signs on the simulator's virtual card),
 * the simulator's test PKI as trust anchors and its OCSP responder over HTTP, asked by Keycloak. The
 * realm is the minimal-claims import ({@code realm/myna-minimal-claims.json}) with the card flow as its
 * browser flow. Each rejection ends on a page that says why, with its event error, and no code.
 */
@ExtendWith(KeycloakServerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CardLoginFlowIT {
    private static final String REALM = "myna-card-login";
    private static final String BANK = "bank";
    private static final String BANK_REDIRECT = "https://bank.example.jp/callback";
    private static final String VISA = "visa-renewal";
    private static final String VISA_REDIRECT = "https://visa.example.jp/callback";
    private static final String MEMBERS_ONLY = "bank-members-only";
    private static final String MEMBERS_ONLY_REDIRECT = "https://members.bank.example.jp/callback";
    private static final Map<String, String> ENGLISH = Map.of("ui_locales", "en");

    private static RunningKeycloak server;
    private static AdminApi admin;
    private static TestPki pki;
    private static RevocationServices revocation;
    private static SimulatedBridge bridge;
    private static IssuedCard card;
    private static Map<String, RelyingParty> parties = new LinkedHashMap<>();

    @BeforeAll
    static void importRealmWithCardFlowAndStartThePki(RunningKeycloak keycloak) throws Exception {
        server = keycloak;
        admin = new AdminApi(keycloak);
        pki = TestPki.init(Files.createTempDirectory("keycloak-it-pki"), "127.0.0.1", freePort(), freePort());
        revocation = RevocationServices.startAsConfigured(pki);
        card = pki.issue(SimulatedBridge.adult());

        Map<String, Object> realm = JSONObjectUtils.parse(resource("realm/myna-minimal-claims.json"));
        realm.put("realm", REALM);
        admin.create("", realm);
        Map<String, String> settings = Map.of(
                CardAuthenticatorConfig.TRUST_ANCHORS, pem(pki.roots(CertKind.AUTH)) + pem(pki.roots(CertKind.SIGN)),
                CardAuthenticatorConfig.REVOCATION_MODE, "ocsp",
                CardAuthenticatorConfig.ALLOW_TEST_ROOTS, "true");
        CardFlow.create(admin, REALM, "myna card", settings);
        Map<String, String> membersOnly = new LinkedHashMap<>(settings);
        membersOnly.put(CardAuthenticatorConfig.CREATE_USER, "false");
        String membersOnlyFlow = CardFlow.create(admin, REALM, "myna card members only", membersOnly);
        admin.update("/" + REALM, Map.of("browserFlow", "myna card"));
        admin.create("/" + REALM + "/clients", Map.of(
                "clientId", MEMBERS_ONLY, "name", "Example Bank (members)", "publicClient", false,
                "standardFlowEnabled", true, "directAccessGrantsEnabled", false, "frontchannelLogout", false,
                "redirectUris", List.of(MEMBERS_ONLY_REDIRECT),
                "attributes", Map.of("pkce.code.challenge.method", "S256"),
                "authenticationFlowBindingOverrides", Map.of("browser", membersOnlyFlow)));
        parties.put(BANK, party(BANK, BANK_REDIRECT));
        parties.put(VISA, party(VISA, VISA_REDIRECT));
        parties.put(MEMBERS_ONLY, party(MEMBERS_ONLY, MEMBERS_ONLY_REDIRECT));
        bridge = new SimulatedBridge(issuer());
    }

    @AfterAll
    static void stopThePki() {
        if (revocation != null) {
            revocation.close();
        }
    }

    // ---- the login ----

    @Test
    @Order(1)
    void logsInWithTheCardAndIssuesAnIdTokenWithPairwiseSubCardAcrAndNoPersonalClaims() throws Exception {
        Login login = login(card, BANK);

        Map<String, Object> idToken = login.idToken();
        assertThat(idToken).containsEntry("iss", issuer()).containsEntry("acr", "myna-card")
                .containsEntry("nonce", login.authorization().nonce());
        assertThat(String.valueOf(idToken.get("aud"))).contains(BANK);
        assertThat(idToken).doesNotContainKeys("preferred_username", "email", "email_verified", "name",
                "given_name", "family_name", "address", "birthdate", "gender", "realm_access", "resource_access");
        assertThat(idToken.get("sub")).isNotNull().isNotEqualTo(userIdOf(card));
        assertThat(RelyingParty.claims((String) login.tokens().get("access_token"))).containsEntry("acr", "myna-card");
    }

    @Test
    @Order(2)
    void recordsTheLoginEventWithTheKeyedCertificateIdAndTheDecidingOcspResponse() throws Exception {
        List<Map<String, Object>> before = events("LOGIN");
        login(card, BANK);

        Map<String, Object> event = newest(before, events("LOGIN"));
        assertThat(details(event))
                .containsEntry(CardEvents.CERTIFICATE_ID, certificateIdKey().idOf(card.authCertificate()).value())
                .containsEntry(CardEvents.REVOCATION_PREFIX + "type", "ocsp")
                .containsKey(CardEvents.REVOCATION_PREFIX + "producedAt")
                .containsKey(CardEvents.REVOCATION_PREFIX + "responder");
        assertThat(event.get("clientId")).isEqualTo(BANK);
        assertNoPersonalData(JSONObjectUtils.toJSONString(event), card);
    }

    @Test
    @Order(3)
    void createsOneUserWithARandomUsernameAndNoPersonalDataOnTheFirstLogin() {
        Map<String, Object> user = userOf(card);

        assertThat((String) user.get("username")).matches("myna-[0-9a-f]{32}");
        assertThat(user).doesNotContainKeys("email", "firstName", "lastName");
        assertThat(attributes(user)).containsOnlyKeys(CardUsers.ATTRIBUTE);
        assertNoPersonalData(JSONObjectUtils.toJSONString(user), card);
    }

    @Test
    @Order(4)
    void mapsASecondLoginWithTheSameCardToTheSameUserAndSub() throws Exception {
        Object first = login(card, BANK).idToken().get("sub");
        Object second = login(card, BANK).idToken().get("sub");

        assertThat(second).isEqualTo(first);
        assertThat(usersWith(card)).hasSize(1);
    }

    @Test
    @Order(5)
    void givesTwoRelyingPartiesDifferentSubsForTheSameCard() throws Exception {
        Object bank = login(card, BANK).idToken().get("sub");
        Object visa = login(card, VISA).idToken().get("sub");

        assertThat(visa).isNotNull().isNotEqualTo(bank);
    }

    // ---- the hand-off and the way back ----

    @Test
    @Order(10)
    void handsOffARequestSignedWithTheRealmsActiveRs256KeyForThisClientAndThisLogin() throws Exception {
        HttpResponse<String> page = browser().start(realmUri(), BANK, BANK_REDIRECT, ENGLISH).page();
        String jws = SimulatedBridge.requestOf(page.body());

        HandoffRequest request = bridge.accept(page.body());

        assertThat(request.purpose().value()).isEqualTo("auth");
        assertThat(request.issuer()).isEqualTo(issuer());
        assertThat(request.clientId()).isEqualTo(BANK);
        assertThat(request.clientName()).isEqualTo("Example Bank");
        assertThat(request.claims()).isEmpty();
        assertThat(request.returnUri().toString()).startsWith(issuer() + "/myna-card/return?client_id=bank&tab_id=");
        assertThat(Duration.between(request.issuedAt(), request.expiresAt())).isEqualTo(CardHandoff.REQUEST_LIFETIME);
        assertThat(Base64.getUrlDecoder().decode(request.nonce())).hasSize(CardHandoff.NONCE_BYTES);
        assertThat(JWSObject.parse(jws).getHeader().getKeyID()).isEqualTo(activeRs256KeyId());
    }

    @Test
    @Order(11)
    void issuesANewNonceOnEveryRenderingOfTheCardPage() throws Exception {
        Browser browser = browser();
        HttpResponse<String> first = browser.start(realmUri(), BANK, BANK_REDIRECT, ENGLISH).page();
        HandoffRequest firstRequest = bridge.accept(first.body());
        HttpResponse<String> reloaded = browser.get(loginActionsUrl(firstRequest));

        HandoffRequest again = bridge.accept(reloaded.body());
        assertThat(tabIdOf(again)).isEqualTo(tabIdOf(firstRequest));
        assertThat(again.nonce()).isNotEqualTo(firstRequest.nonce());
    }

    @Test
    @Order(12)
    void servesTheReturnPageUnderAStrictPolicyWithItsScriptFromTheSameEndpoint() throws Exception {
        Browser browser = browser();
        HandoffRequest request = bridge.accept(browser.start(realmUri(), BANK, BANK_REDIRECT, ENGLISH).page().body());

        HttpResponse<String> page = browser.get(request.returnUri());
        HttpResponse<String> script = browser.get(request.returnUri().resolve("return.js"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(CardReturnPage.CONTENT_SECURITY_POLICY);
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).contains("<script src=\"return.js\" defer></script>")
                .doesNotContain("<script>").doesNotContain("style=");
        assertThat(Browser.hiddenFields(page.body(), "myna-card-return-form"))
                .containsEntry("client_id", BANK).containsEntry("tab_id", tabIdOf(request)).containsKey("assertion");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(script.body()).contains("window.location.hash").contains("history.replaceState").contains("form.submit()");
    }

    @Test
    @Order(13)
    void linksFromTheReturnPageBackToTheCardPageWithAFreshHandoff() throws Exception {
        Browser browser = browser();
        HandoffRequest request = bridge.accept(browser.start(realmUri(), BANK, BANK_REDIRECT, ENGLISH).page().body());
        HttpResponse<String> returnPage = browser.get(request.returnUri());

        HttpResponse<String> back = browser.follow(browser.get(Browser.href(returnPage.body(), "myna-card-return-back")), BANK_REDIRECT);

        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(bridge.accept(back.body()).nonce()).isNotEqualTo(request.nonce());
    }

    @Test
    @Order(14)
    void refusesAnAnswerToTheCardPageShownBeforeAReload() throws Exception {
        Browser browser = browser();
        HandoffRequest before = bridge.accept(browser.start(realmUri(), BANK, BANK_REDIRECT, ENGLISH).page().body());
        // What a reload of the card page requests once Keycloak has moved it to its login-actions URL.
        HttpResponse<String> reloaded = browser.get(loginActionsUrl(before));
        assertThat(bridge.accept(reloaded.body()).nonce()).isNotEqualTo(before.nonce());

        Rejection rejection = rejected(browser, before, SimulatedBridge.signAuth(card, before.issuer(), before.nonce()));

        rejection.assertEventAndPage("myna_nonce_mismatch", "This card request is no longer valid");
        assertThat(bridge.accept(rejection.page().body()).nonce()).isNotEqualTo(before.nonce());
    }

    @Test
    @Order(15)
    void keepsEachTabsHandoffApartWhenASecondTabStartsALogin() throws Exception {
        Browser browser = browser();
        Browser.Authorization first = browser.start(realmUri(), BANK, BANK_REDIRECT, ENGLISH);
        HandoffRequest firstRequest = bridge.accept(first.page().body());
        HandoffRequest secondRequest = bridge.accept(browser.start(realmUri(), BANK, BANK_REDIRECT, ENGLISH).page().body());
        assertThat(tabIdOf(secondRequest)).isNotEqualTo(tabIdOf(firstRequest));

        HttpResponse<String> end = browser.follow(postReturn(browser, firstRequest,
                SimulatedBridge.signAuth(card, firstRequest.issuer(), firstRequest.nonce()), origin()), BANK_REDIRECT);

        assertThat(parties.get(BANK).code(end, first)).isNotBlank();
    }

    @Test
    @Order(16)
    void showsNoLoginInProgressForAReturnFromABrowserWithoutTheLoginsCookie() throws Exception {
        HandoffRequest request = bridge.accept(browser().start(realmUri(), BANK, BANK_REDIRECT, ENGLISH).page().body());
        List<Map<String, Object>> before = events("LOGIN_ERROR");

        HttpResponse<String> answer = postReturn(browser(), request,
                SimulatedBridge.signAuth(card, request.issuer(), request.nonce()), origin());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("This login is no longer in progress in this browser");
        assertThat(newest(before, events("LOGIN_ERROR")).get("error")).isEqualTo(CardReturnResource.NO_LOGIN_SESSION);
    }

    @Test
    @Order(17)
    void showsNoLoginInProgressWhenTheSameAnswerIsPostedAgainAfterTheLogin() throws Exception {
        Browser browser = browser();
        Browser.Authorization authorization = browser.start(realmUri(), BANK, BANK_REDIRECT, ENGLISH);
        HandoffRequest request = bridge.accept(authorization.page().body());
        String assertion = SimulatedBridge.signAuth(card, request.issuer(), request.nonce());
        parties.get(BANK).code(browser.follow(postReturn(browser, request, assertion, origin()), BANK_REDIRECT), authorization);
        List<Map<String, Object>> before = events("LOGIN_ERROR");

        HttpResponse<String> again = postReturn(browser, request, assertion, origin());

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.headers().firstValue("Location")).isEmpty();
        assertThat(again.body()).contains("This login is no longer in progress in this browser");
        assertThat(newest(before, events("LOGIN_ERROR")).get("error")).isEqualTo(CardReturnResource.NO_LOGIN_SESSION);
    }

    @Test
    @Order(18)
    void refusesAReturnPostedFromAnotherOriginAndKeepsTheLoginUsable() throws Exception {
        Browser browser = browser();
        Browser.Authorization authorization = browser.start(realmUri(), BANK, BANK_REDIRECT, ENGLISH);
        HandoffRequest request = bridge.accept(authorization.page().body());
        String assertion = SimulatedBridge.signAuth(card, request.issuer(), request.nonce());
        List<Map<String, Object>> before = events("LOGIN_ERROR");

        HttpResponse<String> foreign = postReturn(browser, request, assertion, "https://attacker.example");

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("it did not come from this login");
        Map<String, Object> event = newest(before, events("LOGIN_ERROR"));
        assertThat(event.get("error")).isEqualTo(CardReturnResource.RETURN_REFUSED);
        assertThat(details(event)).containsEntry(CardAuthenticator.FAILURE_DETAIL, "cross_origin");
        HttpResponse<String> own = browser.follow(postReturn(browser, request, assertion, origin()), BANK_REDIRECT);
        assertThat(parties.get(BANK).code(own, authorization)).isNotBlank();
    }

    @Test
    @Order(19)
    void showsNoLoginInProgressForAnAnswerReturningAfterTheLoginTimedOut() throws Exception {
        Map<String, Object> saved = admin.getObject("/" + REALM);
        admin.update("/" + REALM, Map.of("accessCodeLifespan", 2, "accessCodeLifespanUserAction", 2,
                "accessCodeLifespanLogin", 2));
        Browser browser = browser();
        HandoffRequest request;
        try {
            request = bridge.accept(browser.start(realmUri(), BANK, BANK_REDIRECT, ENGLISH).page().body());
        } finally {
            admin.update("/" + REALM, Map.of("accessCodeLifespan", saved.get("accessCodeLifespan"),
                    "accessCodeLifespanUserAction", saved.get("accessCodeLifespanUserAction"),
                    "accessCodeLifespanLogin", saved.get("accessCodeLifespanLogin")));
        }
        String assertion = SimulatedBridge.signAuth(card, request.issuer(), request.nonce());
        Thread.sleep(5_000);
        List<Map<String, Object>> before = events("LOGIN_ERROR");

        HttpResponse<String> late = postReturn(browser, request, assertion, origin());

        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("This login is no longer in progress in this browser");
        assertThat(newest(before, events("LOGIN_ERROR")).get("error")).isEqualTo(CardReturnResource.NO_LOGIN_SESSION);
    }

    // ---- rejections of the card's answer ----

    @Test
    @Order(20)
    void rejectsACertificateUnderAForeignRoot() throws Exception {
        TestPki foreign = TestPki.init(Files.createTempDirectory("keycloak-it-foreign-pki"), "127.0.0.1",
                freePort(), freePort());
        IssuedCard foreignCard = foreign.issue(SimulatedBridge.adult());

        Rejection rejection = rejectedLogin(request -> SimulatedBridge.signAuth(foreignCard, request.issuer(), request.nonce()));

        rejection.assertEventAndPage("myna_no_trusted_path", "This service does not accept the certificate on this card");
        assertThat(details(rejection.event())).containsEntry(CardEvents.CERTIFICATE_ID,
                certificateIdKey().idOf(foreignCard.authCertificate()).value());
    }

    @Test
    @Order(21)
    void rejectsARevokedCertificateWithTheDecidingOcspResponseInTheEvent() throws Exception {
        IssuedCard revoked = pki.issue(SimulatedBridge.adult());
        pki.revoke(revoked.id(), RevocationReason.KEY_COMPROMISE, null);

        Rejection rejection = rejectedLogin(request -> SimulatedBridge.signAuth(revoked, request.issuer(), request.nonce()));

        rejection.assertEventAndPage("myna_revoked", "The certificate on this card has been revoked");
        assertThat(details(rejection.event()))
                .containsEntry(CardEvents.CERTIFICATE_ID, certificateIdKey().idOf(revoked.authCertificate()).value())
                .containsEntry(CardEvents.REVOCATION_PREFIX + "type", "ocsp")
                .containsKey(CardEvents.REVOCATION_PREFIX + "producedAt");
        assertThat(usersWith(revoked)).isEmpty();
    }

    @Test
    @Order(22)
    void failsClosedWhenTheOcspResponderIsDown() throws Exception {
        IssuedCard unchecked = pki.issue(SimulatedBridge.adult());
        revocation.faults().set(FaultSwitch.Mode.ERROR);
        Rejection rejection;
        try {
            rejection = rejectedLogin(request -> SimulatedBridge.signAuth(unchecked, request.issuer(), request.nonce()));
        } finally {
            revocation.faults().set(FaultSwitch.Mode.NONE);
        }

        rejection.assertEventAndPage("myna_revocation_unavailable", "could not be checked right now");
        assertThat(usersWith(unchecked)).isEmpty();
    }

    @Test
    @Order(23)
    void refusesTheSameAnswerPostedAgainAfterAFailedAttemptBecauseItsNonceWasUsed() throws Exception {
        IssuedCard unchecked = pki.issue(SimulatedBridge.adult());
        Browser browser = browser();
        HandoffRequest request = bridge.accept(browser.start(realmUri(), BANK, BANK_REDIRECT, ENGLISH).page().body());
        String assertion = SimulatedBridge.signAuth(unchecked, request.issuer(), request.nonce());
        revocation.faults().set(FaultSwitch.Mode.ERROR);
        try {
            rejected(browser, request, assertion).assertEventAndPage("myna_revocation_unavailable", "could not be checked");
        } finally {
            revocation.faults().set(FaultSwitch.Mode.NONE);
        }

        Rejection replay = rejected(browser, request, assertion);

        replay.assertEventAndPage("myna_nonce_mismatch", "This card request is no longer valid");
        assertThat(usersWith(unchecked)).isEmpty();
    }

    @Test
    @Order(24)
    void refusesAnAnswerCarryingTheNonceOfAnotherLogin() throws Exception {
        HandoffRequest other = bridge.accept(browser().start(realmUri(), BANK, BANK_REDIRECT, ENGLISH).page().body());

        Rejection rejection = rejectedLogin(request -> SimulatedBridge.signAuth(card, request.issuer(), other.nonce()));

        rejection.assertEventAndPage("myna_nonce_mismatch", "This card request is no longer valid");
    }

    @Test
    @Order(25)
    void refusesAnAnswerForAnotherAudience() throws Exception {
        Rejection rejection = rejectedLogin(request ->
                SimulatedBridge.signAuth(card, "https://idp.example.jp/realms/other", request.nonce()));

        rejection.assertEventAndPage("myna_audience_mismatch", "The answer of the card bridge could not be accepted");
    }

    @Test
    @Order(26)
    void refusesATamperedAnswer() throws Exception {
        Rejection rejection = rejectedLogin(request -> {
            String[] parts = SimulatedBridge.signAuth(card, request.issuer(), request.nonce()).split("\\.");
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    payload.replace("\"auth\"", "\"auth\" ").getBytes(StandardCharsets.UTF_8));
            return parts[0] + "." + forged + "." + parts[2];
        });

        rejection.assertEventAndPage("myna_invalid_signature", "The answer of the card bridge could not be accepted");
        assertThat(details(rejection.event())).doesNotContainKey(CardEvents.CERTIFICATE_ID);
    }

    @Test
    @Order(27)
    void refusesALoginSignedWithTheSignatureCertificate() throws Exception {
        Rejection rejection = rejectedLogin(request ->
                SimulatedBridge.signAuthWithSignatureCertificate(card, request.issuer(), request.nonce()));

        rejection.assertEventAndPage("myna_certificate_kind_mismatch", "The card signed with the wrong certificate");
        assertNoPersonalData(JSONObjectUtils.toJSONString(rejection.event()), card);
    }

    @Test
    @Order(28)
    void refusesAMalformedAnswer() throws Exception {
        Rejection rejection = rejectedLogin(request -> "not-a-jws");

        rejection.assertEventAndPage("myna_malformed_assertion", "The answer of the card bridge could not be accepted");
    }

    @Test
    @Order(29)
    void refusesAnOversizedAnswer() throws Exception {
        Rejection rejection = rejectedLogin(request -> "a".repeat(100_000));

        rejection.assertEventAndPage("myna_oversized_assertion", "The answer of the card bridge could not be accepted");
    }

    @Test
    @Order(30)
    void refusesAnUnknownCardWhenTheStepMayNotCreateUsers() throws Exception {
        IssuedCard newcomer = pki.issue(SimulatedBridge.adult());
        Browser browser = browser();
        HandoffRequest request = bridge.accept(browser.start(realmUri(), MEMBERS_ONLY, MEMBERS_ONLY_REDIRECT, ENGLISH)
                .page().body());

        Rejection rejection = rejected(browser, request, SimulatedBridge.signAuth(newcomer, request.issuer(), request.nonce()));

        rejection.assertEventAndPage("myna_unknown_card", "No account of this service is linked to this card");
        assertThat(usersWith(newcomer)).isEmpty();
    }

    @Test
    @Order(31)
    void logsInAKnownCardWhereTheStepMayNotCreateUsers() throws Exception {
        Object bankSub = login(card, BANK).idToken().get("sub");

        Map<String, Object> idToken = login(card, MEMBERS_ONLY).idToken();

        assertThat(idToken.get("sub")).isNotNull().isNotEqualTo(bankSub);
        assertThat(usersWith(card)).hasSize(1);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void serverLogHasNoStackTraceAndNoPersonalData() {
        String log = server.log();

        assertThat(log.lines().filter(line -> line.strip().startsWith("at io.mynagate."))).isEmpty();
        assertThat(log.lines().filter(line -> line.contains("Exception") && line.contains("io.mynagate"))).isEmpty();
        assertNoPersonalData(log, card);
    }

    // ---- the steps of a login, as browser, bridge and relying party do them ----

    private record Login(Browser browser, Browser.Authorization authorization, Map<String, Object> tokens) {
        Map<String, Object> idToken() {
            return RelyingParty.claims((String) tokens.get("id_token"));
        }
    }

    private record Rejection(HttpResponse<String> page, Map<String, Object> event) {
        void assertEventAndPage(String eventError, String message) {
            assertThat(event).as("a LOGIN_ERROR event").isNotNull();
            assertThat(event.get("error")).isEqualTo(eventError);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Location")).isEmpty();
            assertThat(page.body()).contains(message);
        }
    }

    @FunctionalInterface
    private interface CardAnswer {
        String to(HandoffRequest request) throws Exception;
    }

    private static Login login(IssuedCard with, String clientId) throws Exception {
        RelyingParty party = parties.get(clientId);
        Browser browser = browser();
        Browser.Authorization authorization = browser.start(realmUri(), clientId, party.redirectUri(), ENGLISH);
        HandoffRequest request = bridge.accept(authorization.page().body());
        String assertion = SimulatedBridge.signAuth(with, request.issuer(), request.nonce());
        HttpResponse<String> end = browser.follow(postReturn(browser, request, assertion, origin()), party.redirectUri());
        String code = party.code(end, authorization);
        return new Login(browser, authorization, party.exchange(code, authorization));
    }

    private static Rejection rejectedLogin(CardAnswer answer) throws Exception {
        Browser browser = browser();
        HandoffRequest request = bridge.accept(browser.start(realmUri(), BANK, BANK_REDIRECT, ENGLISH).page().body());
        return rejected(browser, request, answer.to(request));
    }

    private static Rejection rejected(Browser browser, HandoffRequest request, String assertion) {
        List<Map<String, Object>> before = events("LOGIN_ERROR");
        HttpResponse<String> page = browser.follow(postReturn(browser, request, assertion, origin()), BANK_REDIRECT);
        return new Rejection(page, newest(before, events("LOGIN_ERROR")));
    }

    /** The bridge's 303 to the return URI (the fragment stays in the browser), then what its script posts. */
    private static HttpResponse<String> postReturn(Browser browser, HandoffRequest request, String assertion,
            String origin) {
        HttpResponse<String> page = browser.get(request.returnUri());
        assertThat(page.statusCode()).as("return page").isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>(Browser.hiddenFields(page.body(), "myna-card-return-form"));
        fields.put("assertion", assertion);
        return browser.post(request.returnUri().resolve("return"), fields,
                Map.of("Origin", origin, "Sec-Fetch-Site", origin.equals(origin()) ? "same-origin" : "cross-site"));
    }

    // ---- the realm, its users and events, through the admin API ----

    private static RelyingParty party(String clientId, String redirectUri) {
        String id = clientUuid(clientId);
        String secret = (String) admin.getObject("/" + REALM + "/clients/" + id + "/client-secret").get("value");
        return new RelyingParty(realmUri(), clientId, secret, redirectUri);
    }

    private static String clientUuid(String clientId) {
        return admin.getArray("/" + REALM + "/clients?clientId=" + clientId).stream()
                .map(CardLoginFlowIT::asMap).map(c -> (String) c.get("id")).findFirst().orElseThrow();
    }

    private static CertificateIdKey certificateIdKey() {
        String secret = (String) attributes(admin.getObject("/" + REALM)).get(CertificateIdSecret.ATTRIBUTE);
        return CertificateIdKey.of(Base64.getUrlDecoder().decode(secret));
    }

    private static List<Map<String, Object>> usersWith(IssuedCard of) {
        String id = certificateIdKey().idOf(of.authCertificate()).value();
        return admin.getArray("/" + REALM + "/users?briefRepresentation=false&exact=true&q="
                + AdminApi.segment(CardUsers.ATTRIBUTE + ":" + id)).stream().map(CardLoginFlowIT::asMap).toList();
    }

    private static Map<String, Object> userOf(IssuedCard of) {
        List<Map<String, Object>> users = usersWith(of);
        assertThat(users).hasSize(1);
        return users.get(0);
    }

    private static String userIdOf(IssuedCard of) {
        return (String) userOf(of).get("id");
    }

    private static String activeRs256KeyId() {
        @SuppressWarnings("unchecked")
        List<Object> keys = (List<Object>) admin.getObject("/" + REALM + "/keys").get("keys");
        return keys.stream().map(CardLoginFlowIT::asMap)
                .filter(k -> "RS256".equals(k.get("algorithm")) && "ACTIVE".equals(k.get("status")) && "SIG".equals(k.get("use")))
                .map(k -> (String) k.get("kid")).findFirst().orElseThrow();
    }

    private static List<Map<String, Object>> events(String type) {
        return admin.getArray("/" + REALM + "/events?type=" + type + "&max=500").stream().map(CardLoginFlowIT::asMap).toList();
    }

    /** @return the newest event of {@code after} that is not in {@code before}, or {@code null} */
    private static Map<String, Object> newest(List<Map<String, Object>> before, List<Map<String, Object>> after) {
        Set<String> seen = new HashSet<>();
        before.forEach(e -> seen.add(JSONObjectUtils.toJSONString(e)));
        return after.stream().filter(e -> !seen.contains(JSONObjectUtils.toJSONString(e))).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> event) {
        return (Map<String, Object>) event.getOrDefault("details", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributes(Map<String, Object> representation) {
        return (Map<String, Object>) representation.getOrDefault("attributes", Map.of());
    }

    /** Neither the resident's name nor address, nor the certificate itself (its base64 DER). */
    private static void assertNoPersonalData(String text, IssuedCard of) {
        try {
            String certificate = Base64.getEncoder().encodeToString(of.authCertificate().getEncoded());
            assertThat(text).doesNotContain(of.request().name()).doesNotContain(of.request().address())
                    .doesNotContain(certificate.substring(0, 200))
                    .doesNotContain(of.authCertificate().getSerialNumber().toString(16));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI loginActionsUrl(HandoffRequest request) {
        return URI.create(issuer() + "/login-actions/authenticate?client_id=" + request.clientId() + "&tab_id="
                + tabIdOf(request));
    }

    private static String tabIdOf(HandoffRequest request) {
        String query = request.returnUri().getRawQuery();
        return query.substring(query.indexOf("tab_id=") + "tab_id=".length());
    }

    /** A browser whose resident reads English (the realm's default locale is Japanese). */
    private static Browser browser() {
        return new Browser("en");
    }

    private static String issuer() {
        return realmUri().toString();
    }

    private static URI realmUri() {
        return admin.realmUri(REALM);
    }

    private static String origin() {
        URI base = server.baseUri();
        return base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    }

    private static String pem(List<X509Certificate> certificates) throws CertificateEncodingException {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            pem.append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return pem.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CardLoginFlowIT.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object item) {
        return (Map<String, Object>) item;
    }
}
