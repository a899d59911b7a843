package io.mynagate.jpki.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.jpki.assertion.Purpose;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Configuration of the verifier: validated in build(), fail closed. */
class HandoffRequestVerifierBuilderTest {
    private static final KeySetSource KEYS = (issuer, kid) -> Realm.keySet();

    private static HandoffRequestVerifier.Builder valid() {
        return HandoffRequestVerifier.builder().allowIssuer(Realm.ISSUER, Realm.JWKS_URI).keySetSource(KEYS);
    }

    @Test
    void refusesAnEmptyAllowlist() {
        assertThatThrownBy(() -> HandoffRequestVerifier.builder().keySetSource(KEYS).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("issuer");
    }

    @Test
    void refusesAnHttpIssuerOffLoopbackEvenWhenHttpOnLoopbackIsAllowed() {
        assertThatThrownBy(() -> HandoffRequestVerifier.builder().allowHttpOnLoopback()
                .allowIssuer("http://idp.example.jp/realms/myna", URI.create("https://idp.example.jp/certs")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    }

    @Test
    void refusesAnHttpJwksUriOffLoopback() {
        assertThatThrownBy(() -> valid().allowIssuer("https://other.example/realms/x", URI.create("http://other.example/certs")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jwksUri");
    }

    @Test
    void refusesAnHttpLoopbackIssuerUnlessAllowed() {
        HandoffRequestVerifier.Builder builder = HandoffRequestVerifier.builder().keySetSource(KEYS)
                .allowIssuer("http://localhost:8080/realms/demo", URI.create("http://localhost:8080/realms/demo/certs"));
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("allowHttpOnLoopback");
    }

    @Test
    void acceptsAnHttpLoopbackIssuerWhenAllowedAndKeepsItsOrigin() throws Exception {
        String issuer = "http://127.0.0.1:8080/realms/demo";
        HandoffRequestVerifier verifier = HandoffRequestVerifier.builder().keySetSource(KEYS).allowHttpOnLoopback()
                .allowIssuer(issuer, URI.create(issuer + "/protocol/openid-connect/certs"))
                .clock(Clock.fixed(Realm.NOW, ZoneOffset.UTC)).build();
        String jws = Forge.auth(Realm.NOW).claim("iss", issuer).claim("return_uri", issuer + "/login-actions/x").sign();
        assertThat(verifier.verify(jws).purpose()).isEqualTo(Purpose.AUTH);
    }

    @Test
    void refusesAnIssuerWithAQueryOrUserInfo() {
        assertThatThrownBy(() -> valid().allowIssuer("https://idp.example.jp/realms/x?y=1", Realm.JWKS_URI))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> valid().allowIssuer("https://u@idp.example.jp/realms/x", Realm.JWKS_URI))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesTheSameIssuerTwice() {
        assertThatThrownBy(() -> valid().allowIssuer(Realm.ISSUER, Realm.JWKS_URI))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void refusesASkewOverFiveMinutes() {
        assertThatThrownBy(() -> valid().maxSkew(Duration.ofMinutes(6)).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> valid().maxSkew(Duration.ofSeconds(-1)).build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesALifetimeOverFiveMinutes() {
        assertThatThrownBy(() -> valid().maxLifetime(Duration.ofSeconds(301)).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> valid().maxLifetime(Duration.ZERO).build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesASizeLimitOutOfRange() {
        assertThatThrownBy(() -> valid().maxSize(1023).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> valid().maxSize(64 * 1024 + 1).build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void buildsWithTheDefaultHttpKeySetSource() {
        assertThat(HandoffRequestVerifier.builder().allowIssuer(Realm.ISSUER, Realm.JWKS_URI).build()).isNotNull();
    }

    @Test
    void isFrozenAfterBuild() throws Exception {
        HandoffRequestVerifier.Builder builder = valid().clock(Clock.fixed(Realm.NOW, ZoneOffset.UTC));
        HandoffRequestVerifier verifier = builder.build();
        builder.allowIssuer("https://attacker.example/realms/x", URI.create("https://attacker.example/certs"));
        String jws = Forge.auth(Realm.NOW).claim("iss", "https://attacker.example/realms/x")
                .claim("return_uri", "https://attacker.example/cb").sign();
        assertThatThrownBy(() -> verifier.verify(jws)).isInstanceOf(HandoffRequestException.class)
                .satisfies(e -> assertThat(((HandoffRequestException) e).reason())
                        .isEqualTo(io.mynagate.jpki.Reason.ISSUER_NOT_ALLOWED));
    }
}
