package io.mynagate.jpki.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.util.Base64URL;
import io.mynagate.jpki.Reason;
import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.claims.ClaimName;
import io.mynagate.jpki.testing.TestPki;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bridge's checks of a hand-off request, one behaviour each, with an in-memory key set. */
class HandoffRequestVerifierTest {
    private static final Instant NOW = Realm.NOW;

    private final Realm.CountingSource keys = new Realm.CountingSource(Realm.keySet());
    private final HandoffRequestVerifier verifier = verifierOver(keys);

    private static HandoffRequestVerifier verifierOver(KeySetSource source) {
        return HandoffRequestVerifier.builder()
                .allowIssuer(Realm.ISSUER, Realm.JWKS_URI)
                .allowIssuer("https://idp.example.jp/realms/other", URI.create("https://idp.example.jp/realms/other/certs"))
                .keySetSource(source)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
    }

    private void assertRefused(String jws, Reason reason) {
        assertRefused(() -> verifier.verify(jws), reason);
    }

    private static void assertRefused(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOf(HandoffRequestException.class)
                .satisfies(e -> assertThat(((HandoffRequestException) e).reason()).isEqualTo(reason));
    }

    // ---- accepted

    @Test
    void acceptsAnAuthRequest() throws Exception {
        HandoffRequest request = verifier.verify(Forge.auth(NOW).sign());
        assertThat(request.issuer()).isEqualTo(Realm.ISSUER);
        assertThat(request.purpose()).isEqualTo(Purpose.AUTH);
        assertThat(request.nonce()).isEqualTo(Realm.NONCE);
        assertThat(request.returnUri()).isEqualTo(URI.create(Realm.RETURN_URI));
        assertThat(request.clientId()).isEqualTo("mirai-bank");
        assertThat(request.clientName()).isEqualTo("みらい銀行 Mirai Bank");
        assertThat(request.claims()).isEmpty();
        assertThat(request.issuedAt()).isEqualTo(NOW);
        assertThat(request.expiresAt()).isEqualTo(NOW.plusSeconds(120));
    }

    @Test
    void acceptsAShareRequestWithItsClaimsInOrder() throws Exception {
        HandoffRequest request = verifier.verify(Forge.share(NOW).sign());
        assertThat(request.purpose()).isEqualTo(Purpose.SHARE);
        assertThat(request.claims()).containsExactly(ClaimName.NAME, ClaimName.ageOver(18));
    }

    @Test
    void acceptsPs256WithItsKey() throws Exception {
        String jws = Forge.auth(NOW).keyAndAlgorithm(Realm.RSA.getPrivate(), "PS256", Realm.PS_KID).sign();
        assertThat(verifier.verify(jws).purpose()).isEqualTo(Purpose.AUTH);
    }

    @Test
    void acceptsEs256WithItsKey() throws Exception {
        String jws = Forge.auth(NOW).keyAndAlgorithm(Realm.EC.getPrivate(), "ES256", Realm.EC_KID).sign();
        assertThat(verifier.verify(jws).purpose()).isEqualTo(Purpose.AUTH);
    }

    @Test
    void acceptsTypWithApplicationPrefixInAnyCase() throws Exception {
        String jws = Forge.auth(NOW).header("typ", "Application/MYNA-Handoff+JWT").sign();
        assertThat(verifier.verify(jws)).isNotNull();
    }

    @Test
    void acceptsAudienceAsAnArrayOfTheBridgeAlone() throws Exception {
        assertThat(verifier.verify(Forge.auth(NOW).claim("aud", List.of(HandoffRequest.AUDIENCE)).sign())).isNotNull();
    }

    @Test
    void acceptsExpAtTheEdgeOfTheSkew() throws Exception {
        String jws = Forge.auth(NOW).claim("iat", NOW.getEpochSecond() - 200).claim("exp", NOW.getEpochSecond() - 59).sign();
        assertThat(verifier.verify(jws)).isNotNull();
    }

    @Test
    void acceptsTheLongestLifetime() throws Exception {
        assertThat(verifier.verify(Forge.auth(NOW).claim("exp", NOW.getEpochSecond() + 300).sign())).isNotNull();
    }

    @Test
    void acceptsReturnUriWithTheDefaultPortSpelledOut() throws Exception {
        String jws = Forge.auth(NOW).claim("return_uri", "https://IDP.example.jp:443/realms/myna/x").sign();
        assertThat(verifier.verify(jws).returnUri().getPort()).isEqualTo(443);
    }

    // ---- size and form

    @Test
    void rejectsOversizedRequestBeforeParsing() {
        String jws = Forge.auth(NOW).claim("padding", "x".repeat(HandoffRequestVerifier.Builder.DEFAULT_MAX_SIZE)).sign();
        assertRefused(jws, Reason.OVERSIZED_REQUEST);
        assertThat(keys.calls).hasValue(0);
    }

    @Test
    void rejectsMissingRequestAsMalformed() {
        assertRefused(() -> verifier.verify(null), Reason.MALFORMED_REQUEST);
        assertRefused("", Reason.MALFORMED_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "a.b", "!!!.???.***", "...", "a.b.c.d"})
    void rejectsWhatIsNotACompactJwsAsMalformed(String input) {
        assertRefused(input, Reason.MALFORMED_REQUEST);
    }

    @Test
    void rejectsDeeplyNestedHeaderAsMalformed() {
        String header = "{\"alg\":\"RS256\",\"x\":" + "[".repeat(3000) + "]".repeat(3000) + "}";
        assertRefused(Base64URL.encode(header) + "." + Base64URL.encode("{}") + ".AAAA", Reason.MALFORMED_REQUEST);
    }

    @Test
    void rejectsPayloadThatIsNotJson() {
        Forge forge = Forge.auth(NOW);
        String jws = Forge.encode(forge.header) + "." + Base64URL.encode("not json") + ".AAAA";
        assertRefused(jws, Reason.MALFORMED_REQUEST);
    }

    // ---- signature and algorithm

    @Test
    void rejectsUnsignedRequest() {
        assertRefused(Forge.auth(NOW).unsigned(), Reason.UNSIGNED_REQUEST);
        assertThat(keys.calls).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE"})
    void rejectsAlgNone(String none) {
        assertRefused(Forge.auth(NOW).header("alg", none).unsigned(), Reason.UNSIGNED_REQUEST);
        assertThat(keys.calls).hasValue(0);
    }

    @Test
    void rejectsHs256SignedWithThePublicKeyBeforeAnyKeyLookup() throws Exception {
        Forge forge = Forge.auth(NOW).header("alg", "HS256");
        byte[] input = forge.signingInput().getBytes(StandardCharsets.US_ASCII);
        Base64URL mac = new MACSigner(Realm.RSA.getPublic().getEncoded()).sign(new JWSHeader(JWSAlgorithm.HS256), input);
        assertRefused(forge.signingInput() + "." + mac, Reason.DISALLOWED_ALGORITHM);
        assertThat(keys.calls).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS512", "RS512", "rs256", "EdDSA", "ES256K"})
    void rejectsAlgorithmsOffTheAllowlist(String alg) {
        assertRefused(Forge.auth(NOW).header("alg", alg).sign(), Reason.DISALLOWED_ALGORITHM);
    }

    @Test
    void rejectsMissingAlg() {
        assertRefused(Forge.auth(NOW).header("alg", null).sign(), Reason.DISALLOWED_ALGORITHM);
    }

    @Test
    void rejectsTamperedPayload() {
        String jws = Forge.auth(NOW).sign();
        String[] parts = jws.split("\\.");
        String tampered = Forge.encode(Forge.share(NOW).payload);
        assertRefused(parts[0] + "." + tampered + "." + parts[2], Reason.INVALID_SIGNATURE);
    }

    @Test
    void rejectsSignatureOfAnotherKeyUnderTheRealmsKid() {
        String jws = Forge.auth(NOW).signedBy(Realm.OTHER_RSA.getPrivate(), JWSAlgorithm.RS256).sign();
        assertRefused(jws, Reason.INVALID_SIGNATURE);
    }

    // ---- type and headers

    @ParameterizedTest
    @ValueSource(strings = {"JWT", "at+jwt", "logout+jwt", "jpki-assertion+jwt"})
    void rejectsOtherTypes(String typ) {
        assertRefused(Forge.auth(NOW).header("typ", typ).sign(), Reason.WRONG_TYPE);
    }

    @Test
    void rejectsMissingType() {
        assertRefused(Forge.auth(NOW).header("typ", null).sign(), Reason.WRONG_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jku", "x5u", "x5c", "crit", "b64"})
    void rejectsHeadersThatBringTheirOwnKeyOrRules(String name) {
        assertThatThrownBy(() -> verifier.verify(Forge.auth(NOW).header(name, List.of("https://attacker.example/k")).sign()))
                .isInstanceOf(HandoffRequestException.class).hasMessageContaining(name)
                .satisfies(e -> assertThat(((HandoffRequestException) e).reason()).isEqualTo(Reason.DISALLOWED_HEADER));
    }

    @Test
    void rejectsEmbeddedJwkHeader() {
        Map<String, Object> jwk = Realm.rsa(Realm.OTHER_RSA, Realm.RS_KID, KeyUse.SIGNATURE, JWSAlgorithm.RS256).toJSONObject();
        String jws = Forge.auth(NOW).header("jwk", jwk).signedBy(Realm.OTHER_RSA.getPrivate(), JWSAlgorithm.RS256).sign();
        assertRefused(jws, Reason.DISALLOWED_HEADER);
        assertThat(keys.calls).hasValue(0);
    }

    @Test
    void rejectsMissingKid() {
        assertRefused(Forge.auth(NOW).header("kid", null).sign(), Reason.MALFORMED_REQUEST);
    }

    // ---- issuer and key

    @Test
    void rejectsIssuerNotOnTheAllowlist() {
        String jws = Forge.auth(NOW).claim("iss", "https://attacker.example/realms/myna")
                .claim("return_uri", "https://attacker.example/realms/myna/cb").sign();
        assertRefused(jws, Reason.ISSUER_NOT_ALLOWED);
        assertThat(keys.calls).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://idp.example.jp/realms/myna/", "https://IDP.example.jp/realms/myna",
        "http://idp.example.jp/realms/myna", "https://idp.example.jp/realms/Myna"})
    void rejectsIssuerThatOnlyLooksAllowed(String iss) {
        assertRefused(Forge.auth(NOW).claim("iss", iss).sign(), Reason.ISSUER_NOT_ALLOWED);
    }

    @Test
    void rejectsMissingIssuerAsMalformed() {
        assertRefused(Forge.auth(NOW).claim("iss", null).sign(), Reason.MALFORMED_REQUEST);
    }

    @Test
    void rejectsUnknownKid() {
        assertRefused(Forge.auth(NOW).header("kid", "rotated-away").sign(), Reason.UNKNOWN_KEY);
    }

    @Test
    void rejectsKeyWithUseEnc() {
        // An encryption key without alg: the signature itself is good, only use=enc refuses it.
        String jws = Forge.auth(NOW).keyAndAlgorithm(Realm.OTHER_RSA.getPrivate(), "RS256", Realm.ENC_KID).sign();
        assertRefused(jws, Reason.UNKNOWN_KEY);
    }

    @Test
    void rejectsTheRealmsRsaOaepKey() {
        String jws = Forge.auth(NOW).keyAndAlgorithm(Realm.OTHER_RSA.getPrivate(), "RS256", Realm.OAEP_KID).sign();
        assertRefused(jws, Reason.UNKNOWN_KEY);
    }

    @Test
    void rejectsKeyWithoutUse() {
        String jws = Forge.auth(NOW).keyAndAlgorithm(Realm.OTHER_RSA.getPrivate(), "RS256", Realm.NO_USE_KID).sign();
        assertRefused(jws, Reason.UNKNOWN_KEY);
    }

    @Test
    void rejectsKeyPublishedForAnotherAlgorithm() {
        // The PS256 key signing RS256: its JWK says alg PS256.
        String jws = Forge.auth(NOW).keyAndAlgorithm(Realm.RSA.getPrivate(), "RS256", Realm.PS_KID).sign();
        assertRefused(jws, Reason.UNKNOWN_KEY);
    }

    @Test
    void rejectsEs256NamingAnRsaKey() {
        String jws = Forge.auth(NOW).keyAndAlgorithm(Realm.EC.getPrivate(), "ES256", Realm.RS_KID).sign();
        assertRefused(jws, Reason.UNKNOWN_KEY);
    }

    @Test
    void rejectsTwoSigningKeysWithOneKid() {
        List<JWK> twice = new ArrayList<>(Realm.keys());
        twice.add(Realm.rsa(Realm.OTHER_RSA, Realm.RS_KID, KeyUse.SIGNATURE, JWSAlgorithm.RS256));
        HandoffRequestVerifier ambiguous = verifierOver(new Realm.CountingSource(new JWKSet(twice)));
        assertRefused(() -> ambiguous.verify(Forge.auth(NOW).sign()), Reason.UNKNOWN_KEY);
    }

    @Test
    void rejectsRsaKeyShorterThan2048Bits() {
        KeyPair weak = TestPki.rsaKeyPair(1024);
        HandoffRequestVerifier withWeakKey = verifierOver(new Realm.CountingSource(
                new JWKSet(Realm.rsa(weak, "weak", KeyUse.SIGNATURE, JWSAlgorithm.RS256))));
        String jws = Forge.auth(NOW).keyAndAlgorithm(weak.getPrivate(), "RS256", "weak").sign();
        assertRefused(() -> withWeakKey.verify(jws), Reason.WEAK_KEY);
    }

    @Test
    void rejectsWithKeySetUnavailableWhenTheSourceFails() {
        HandoffRequestVerifier down = verifierOver((issuer, kid) -> {
            throw new HandoffRequestException(Reason.KEY_SET_UNAVAILABLE, "down");
        });
        assertRefused(() -> down.verify(Forge.auth(NOW).sign()), Reason.KEY_SET_UNAVAILABLE);
    }

    // ---- audience and time

    @Test
    void rejectsAnIdTokenOfTheRealmByItsAudience() {
        assertRefused(Forge.auth(NOW).claim("aud", "mirai-bank").sign(), Reason.REQUEST_AUDIENCE);
    }

    @Test
    void rejectsASecondAudience() {
        assertRefused(Forge.auth(NOW).claim("aud", List.of(HandoffRequest.AUDIENCE, "mirai-bank")).sign(),
                Reason.REQUEST_AUDIENCE);
    }

    @Test
    void rejectsMissingAudience() {
        assertRefused(Forge.auth(NOW).claim("aud", null).sign(), Reason.REQUEST_AUDIENCE);
    }

    @Test
    void rejectsExpiredRequest() {
        String jws = Forge.auth(NOW).claim("iat", NOW.getEpochSecond() - 200).claim("exp", NOW.getEpochSecond() - 60).sign();
        assertRefused(jws, Reason.REQUEST_EXPIRED);
    }

    @Test
    void rejectsLifetimeLongerThanFiveMinutes() {
        assertRefused(Forge.auth(NOW).claim("exp", NOW.getEpochSecond() + 301).sign(), Reason.REQUEST_LIFETIME);
    }

    @Test
    void rejectsIssuedAtInTheFuture() {
        String jws = Forge.auth(NOW).claim("iat", NOW.getEpochSecond() + 61).claim("exp", NOW.getEpochSecond() + 120).sign();
        assertRefused(jws, Reason.REQUEST_LIFETIME);
    }

    @Test
    void rejectsExpNotAfterIat() {
        assertRefused(Forge.auth(NOW).claim("exp", NOW.getEpochSecond()).sign(), Reason.REQUEST_LIFETIME);
    }

    @Test
    void rejectsMissingOrNonNumericExp() {
        assertRefused(Forge.auth(NOW).claim("exp", null).sign(), Reason.MALFORMED_REQUEST);
        assertRefused(Forge.auth(NOW).claim("exp", "tomorrow").sign(), Reason.MALFORMED_REQUEST);
    }

    // ---- replay

    @Test
    void rejectsReplayedJti() throws Exception {
        String jws = Forge.auth(NOW).sign();
        verifier.verify(jws);
        assertRefused(jws, Reason.REQUEST_REPLAYED);
    }

    @Test
    void rejectsAnotherRequestWithAUsedJti() throws Exception {
        verifier.verify(Forge.auth(NOW).claim("jti", "same").sign());
        assertRefused(Forge.share(NOW).claim("jti", "same").sign(), Reason.REQUEST_REPLAYED);
    }

    @Test
    void aRefusedRequestDoesNotUseUpItsJti() throws Exception {
        assertRefused(Forge.auth(NOW).claim("jti", "kept").claim("client_name", "").sign(), Reason.MALFORMED_REQUEST);
        assertThat(verifier.verify(Forge.auth(NOW).claim("jti", "kept").sign()).jti()).isEqualTo("kept");
    }

    @Test
    void scopesJtiToItsIssuer() throws Exception {
        String other = "https://idp.example.jp/realms/other";
        verifier.verify(Forge.auth(NOW).claim("jti", "shared").sign());
        assertThat(verifier.verify(Forge.auth(NOW).claim("jti", "shared").claim("iss", other)
                .claim("return_uri", other + "/cb").sign()).issuer()).isEqualTo(other);
    }

    // ---- return URI

    @ParameterizedTest
    @ValueSource(strings = {"https://attacker.example/realms/myna/cb", "https://idp.example.jp:8443/realms/myna/cb",
        "http://idp.example.jp/realms/myna/cb", "https://login.idp.example.jp/cb", "https://idp.example.jp.attacker.example/cb",
        "https://idp.example.jp@attacker.example/cb", "https://user@idp.example.jp/cb", "javascript:alert(1)",
        "/realms/myna/cb", "data:text/html,hi"})
    void rejectsReturnUriOnAnotherOrigin(String returnUri) {
        assertRefused(Forge.auth(NOW).claim("return_uri", returnUri).sign(), Reason.RETURN_URI_FOREIGN);
    }

    @Test
    void rejectsReturnUriWithAFragment() {
        assertRefused(Forge.auth(NOW).claim("return_uri", Realm.RETURN_URI + "#x").sign(), Reason.MALFORMED_REQUEST);
    }

    @Test
    void rejectsReturnUriThatDoesNotParse() {
        assertRefused(Forge.auth(NOW).claim("return_uri", "https://idp.example.jp/a b").sign(), Reason.MALFORMED_REQUEST);
    }

    // ---- claims

    @Test
    void rejectsUnknownClaimName() {
        assertRefused(Forge.share(NOW).claim("claims", List.of("name", "email")).sign(), Reason.UNKNOWN_CLAIM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"my_number", "age_over_0", "age_over_018", "Name"})
    void rejectsNamesOutsideTheVocabulary(String name) {
        assertRefused(Forge.share(NOW).claim("claims", List.of(name)).sign(), Reason.UNKNOWN_CLAIM);
    }

    @Test
    void rejectsAClaimRequestedTwice() {
        assertRefused(Forge.share(NOW).claim("claims", List.of("name", "name")).sign(), Reason.MALFORMED_REQUEST);
    }

    @Test
    void rejectsShareWithoutClaims() {
        assertRefused(Forge.share(NOW).claim("claims", List.of()).sign(), Reason.MALFORMED_REQUEST);
        assertRefused(Forge.share(NOW).claim("claims", null).sign(), Reason.MALFORMED_REQUEST);
    }

    @Test
    void rejectsAuthWithClaims() {
        assertRefused(Forge.auth(NOW).claim("claims", List.of("name")).sign(), Reason.MALFORMED_REQUEST);
    }

    @Test
    void rejectsClaimsThatAreNotAnArrayOfStrings() {
        assertRefused(Forge.share(NOW).claim("claims", "name").sign(), Reason.MALFORMED_REQUEST);
        assertRefused(Forge.share(NOW).claim("claims", List.of(1)).sign(), Reason.MALFORMED_REQUEST);
    }

    // ---- the other fields

    @ParameterizedTest
    @ValueSource(strings = {"short", "q5kPDNPhvLNiNVlQRZFGrJgYsbSP5Wj4jpMYtJCAhS", "q5kPDNPhvLNiNVlQRZFGrJgYsbSP5Wj4jpMYtJCAhSc=",
        "q5kPDNPhvLNiNVlQRZFGrJgYsbSP5Wj4jpMYtJCAhS+/"})
    void rejectsNonceThatIsNotBase64urlOf256Bits(String nonce) {
        assertRefused(Forge.auth(NOW).claim("nonce", nonce).sign(), Reason.MALFORMED_REQUEST);
    }

    @Test
    void rejectsUnknownPurpose() {
        assertRefused(Forge.auth(NOW).claim("purpose", "login").sign(), Reason.MALFORMED_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mirai\u202eknaB", "Mirai\u200bBank", "Mirai\nBank", " ", "\u0000"})
    void rejectsClientNameThatCouldDisguiseItself(String name) {
        assertRefused(Forge.auth(NOW).claim("client_name", name).sign(), Reason.MALFORMED_REQUEST);
    }

    @Test
    void rejectsClientNameLongerThan100Characters() {
        assertRefused(Forge.auth(NOW).claim("client_name", "銀".repeat(101)).sign(), Reason.MALFORMED_REQUEST);
    }

    @Test
    void rejectsMissingClientId() {
        assertRefused(Forge.auth(NOW).claim("client_id", null).sign(), Reason.MALFORMED_REQUEST);
    }

    @Test
    void rejectsJtiWithSpacesOrTooLong() {
        assertRefused(Forge.auth(NOW).claim("jti", "a b").sign(), Reason.MALFORMED_REQUEST);
        assertRefused(Forge.auth(NOW).claim("jti", "j".repeat(129)).sign(), Reason.MALFORMED_REQUEST);
    }

    @Test
    void exceptionMessagesDoNotEchoTheRequest() {
        String marker = "attacker-marker";
        assertThatThrownBy(() -> verifier.verify(Forge.share(NOW).claim("claims", List.of(marker)).sign()))
                .isInstanceOf(HandoffRequestException.class).message().doesNotContain(marker);
    }
}
