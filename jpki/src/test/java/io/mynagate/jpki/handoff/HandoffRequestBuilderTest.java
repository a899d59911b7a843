package io.mynagate.jpki.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.mynagate.jpki.Reason;
import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.claims.ClaimName;
import java.net.URI;
import java.security.Signature;
import java.security.SignatureException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The identity provider's side: building and signing, and the round trip through the verifier. */
class HandoffRequestBuilderTest {
    private static final Clock CLOCK = Clock.fixed(Realm.NOW, ZoneOffset.UTC);
    private static final HandoffSigner RS256 = HandoffSigner.fromPrivateKey(Realm.RSA.getPrivate(), "RS256", Realm.RS_KID);

    private final HandoffRequestVerifier verifier = HandoffRequestVerifier.builder()
            .allowIssuer(Realm.ISSUER, Realm.JWKS_URI)
            .keySetSource((issuer, kid) -> Realm.keySet())
            .clock(CLOCK)
            .build();

    private static HandoffRequestBuilder auth() {
        return HandoffRequest.builder()
                .issuer(Realm.ISSUER)
                .clock(CLOCK)
                .nonce(Realm.NONCE)
                .purpose(Purpose.AUTH)
                .returnUri(URI.create(Realm.RETURN_URI))
                .clientId("mirai-bank")
                .clientName("みらい銀行");
    }

    private static HandoffRequestBuilder share() {
        return auth().purpose(Purpose.SHARE).claims(List.of(ClaimName.NAME, ClaimName.ADDRESS, ClaimName.ageOver(20)));
    }

    private static Map<String, Object> json(String part) throws Exception {
        return JSONObjectUtils.parse(new Base64URL(part).decodeToString());
    }

    // ---- round trip

    @Test
    void roundTripsAnAuthRequestThroughTheVerifier() throws Exception {
        HandoffRequestBuilder builder = auth().jti("round-trip-1");
        assertThat(verifier.verify(builder.sign(RS256))).isEqualTo(builder.build());
    }

    @Test
    void roundTripsAShareRequestSignedWithPs256() throws Exception {
        HandoffRequestBuilder builder = share().jti("round-trip-2");
        HandoffSigner ps256 = HandoffSigner.fromPrivateKey(Realm.RSA.getPrivate(), "PS256", Realm.PS_KID);
        HandoffRequest verified = verifier.verify(builder.sign(ps256));
        assertThat(verified).isEqualTo(builder.build());
        assertThat(verified.claims()).containsExactly(ClaimName.NAME, ClaimName.ADDRESS, ClaimName.ageOver(20));
    }

    @Test
    void roundTripsEs256InTheJoseSignatureForm() throws Exception {
        HandoffSigner es256 = HandoffSigner.fromPrivateKey(Realm.EC.getPrivate(), "ES256", Realm.EC_KID);
        String jws = share().sign(es256);
        assertThat(Base64URL.from(jws.substring(jws.lastIndexOf('.') + 1)).decode()).hasSize(64);
        assertThat(verifier.verify(jws).purpose()).isEqualTo(Purpose.SHARE);
    }

    @Test
    void roundTripsWithASigningFunctionAsKeycloakSupplies() throws Exception {
        HandoffSigner keyManager = HandoffSigner.of("RS256", Realm.RS_KID, input -> {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(Realm.RSA.getPrivate());
            rsa.update(input);
            return rsa.sign();
        });
        assertThat(verifier.verify(auth().sign(keyManager)).clientId()).isEqualTo("mirai-bank");
    }

    // ---- what it writes

    @Test
    void writesHeaderWithAlgTypAndKidOnly() throws Exception {
        String jws = auth().sign(RS256);
        assertThat(json(jws.split("\\.")[0])).containsOnly(
                Map.entry("alg", "RS256"), Map.entry("typ", HandoffRequest.TYPE), Map.entry("kid", Realm.RS_KID));
    }

    @Test
    void writesTheDocumentedClaimsOfAnAuthRequest() throws Exception {
        Map<String, Object> payload = json(auth().sign(RS256).split("\\.")[1]);
        assertThat(payload).containsOnlyKeys("iss", "aud", "jti", "iat", "exp", "nonce", "purpose", "return_uri",
                "client_id", "client_name");
        assertThat(payload).containsEntry("aud", HandoffRequest.AUDIENCE).containsEntry("purpose", "auth");
        assertThat(((Number) payload.get("exp")).longValue() - ((Number) payload.get("iat")).longValue())
                .isEqualTo(HandoffRequestBuilder.DEFAULT_LIFETIME.toSeconds());
    }

    @Test
    void writesTheClaimNamesOfAShareRequest() throws Exception {
        Map<String, Object> payload = json(share().sign(RS256).split("\\.")[1]);
        assertThat(payload.get("claims")).isEqualTo(List.of("name", "address", "age_over_20"));
    }

    @Test
    void makesARandomJtiForEachRequest() {
        String first = auth().build().jti();
        assertThat(first).hasSizeGreaterThanOrEqualTo(22);
        assertThat(auth().build().jti()).isNotEqualTo(first);
    }

    // ---- refuses to make what the bridge would refuse

    @Test
    void refusesReturnUriOnAnotherOrigin() {
        assertThatThrownBy(() -> auth().returnUri(URI.create("https://attacker.example/cb")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("origin");
    }

    @Test
    void refusesReturnUriWithAFragment() {
        assertThatThrownBy(() -> auth().returnUri(URI.create(Realm.RETURN_URI + "#x")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fragment");
    }

    @Test
    void refusesAnHttpIssuerOffLoopback() {
        assertThatThrownBy(() -> auth().issuer("http://idp.example.jp/realms/myna")
                .returnUri(URI.create("http://idp.example.jp/realms/myna/cb")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("https");
    }

    @Test
    void refusesANonceUnder256Bits() {
        assertThatThrownBy(() -> auth().nonce(Realm.NONCE.substring(1)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nonce");
    }

    @Test
    void refusesClaimsOnAnAuthRequest() {
        assertThatThrownBy(() -> auth().claims(List.of(ClaimName.NAME)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("auth");
    }

    @Test
    void refusesAShareRequestWithoutClaims() {
        assertThatThrownBy(() -> auth().purpose(Purpose.SHARE).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("share");
    }

    @Test
    void refusesAClaimTwice() {
        assertThatThrownBy(() -> share().claims(List.of(ClaimName.NAME, ClaimName.NAME)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("distinct");
    }

    @Test
    void refusesALifetimeOverFiveMinutes() {
        assertThatThrownBy(() -> auth().lifetime(Duration.ofSeconds(301)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("lifetime");
    }

    @Test
    void refusesAClientNameWithABidiOverride() {
        assertThatThrownBy(() -> auth().clientName("Mirai\u202eknaB").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("client name");
    }

    // ---- the signer

    @Test
    void reportsSigningFailedWhenTheKeyManagerFails() {
        HandoffSigner broken = HandoffSigner.of("RS256", Realm.RS_KID, input -> {
            throw new SignatureException("HSM offline");
        });
        assertThatThrownBy(() -> auth().sign(broken)).isInstanceOf(HandoffRequestException.class)
                .satisfies(e -> assertThat(((HandoffRequestException) e).reason()).isEqualTo(Reason.SIGNING_FAILED));
    }

    @Test
    void refusesADerEcdsaSignature() {
        HandoffSigner der = HandoffSigner.of("ES256", Realm.EC_KID, input -> {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initSign(Realm.EC.getPrivate());
            ecdsa.update(input);
            return ecdsa.sign();
        });
        assertThatThrownBy(() -> auth().sign(der)).isInstanceOf(HandoffRequestException.class)
                .hasMessageContaining("R||S")
                .satisfies(e -> assertThat(((HandoffRequestException) e).reason()).isEqualTo(Reason.SIGNING_FAILED));
    }

    @Test
    void refusesASignerDeclaringHmac() {
        assertThatThrownBy(() -> HandoffSigner.of("HS256", "k", input -> new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesASignerWithoutKid() {
        assertThatThrownBy(() -> HandoffSigner.fromPrivateKey(Realm.RSA.getPrivate(), "RS256", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kid");
    }

    @Test
    void refusesAKeyThatDoesNotFitTheAlgorithm() {
        assertThatThrownBy(() -> HandoffSigner.fromPrivateKey(Realm.EC.getPrivate(), "RS256", "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HandoffSigner.fromPrivateKey(Realm.RSA.getPrivate(), "ES256", "k"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringLeavesOutNonceAndJti() {
        HandoffRequest request = share().jti("secret-jti").build();
        assertThat(request.toString()).doesNotContain(Realm.NONCE).doesNotContain("secret-jti").contains("mirai-bank");
    }
}
