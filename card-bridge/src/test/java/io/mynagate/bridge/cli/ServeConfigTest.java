package io.mynagate.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration file of serve: the allowlist of identity providers, the port, the reader, the demo switch. */
class ServeConfigTest {
    private static final String MYNA = "issuer.myna.url = https://idp.example.jp/realms/myna\n"
            + "issuer.myna.jwks-uri = https://idp.example.jp/realms/myna/protocol/openid-connect/certs\n";

    @Test
    void readsIssuersPortProviderAndReader() throws Exception {
        ServeConfig config = parse(MYNA
                + "issuer.demo.url = https://demo.example/realms/d\nissuer.demo.jwks-uri = https://demo.example/certs\n"
                + "port = 18451\nprovider = JNA2PCSC\nreader = ACS ACR39U 00 00  \n");

        assertThat(config.issuers()).containsExactly(
                new ServeConfig.Issuer("demo", "https://demo.example/realms/d", URI.create("https://demo.example/certs")),
                new ServeConfig.Issuer("myna", "https://idp.example.jp/realms/myna",
                        URI.create("https://idp.example.jp/realms/myna/protocol/openid-connect/certs")));
        assertThat(config.port()).hasValue(18451);
        assertThat(config.provider()).hasValue("JNA2PCSC");
        assertThat(config.reader()).hasValue("ACS ACR39U 00 00");
        assertThat(config.allowHttpOnLoopback()).isFalse();
    }

    @Test
    void leavesOutWhatIsNotGiven() throws Exception {
        ServeConfig config = parse(MYNA + "reader =\n");

        assertThat(config.port()).isEmpty();
        assertThat(config.provider()).isEmpty();
        assertThat(config.reader()).isEmpty();
    }

    @Test
    void buildsAVerifierOfTheAllowlist() throws Exception {
        assertThat(parse(MYNA).verifier()).isNotNull();
    }

    @Test
    void refusesAnUnknownKey() {
        assertThatThrownBy(() -> parse(MYNA + "prot = 18450\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown key 'prot'");
    }

    @Test
    void refusesAnIssuerWithoutItsJwkSet() {
        assertThatThrownBy(() -> parse("issuer.myna.url = https://idp.example.jp/realms/myna\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("issuer.myna.jwks-uri");
    }

    @Test
    void refusesAConfigurationWithoutIdentityProvider() {
        assertThatThrownBy(() -> parse("port = 18450\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no identity provider");
    }

    @Test
    void refusesHttpOnLoopbackWithoutTheDemoSwitch() throws Exception {
        ServeConfig config = parse("issuer.demo.url = http://127.0.0.1:8080/realms/demo\n"
                + "issuer.demo.jwks-uri = http://127.0.0.1:8080/realms/demo/protocol/openid-connect/certs\n");

        assertThatThrownBy(config::verifier).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allow-http-on-loopback");
    }

    @Test
    void acceptsHttpOnLoopbackWithTheDemoSwitch() throws Exception {
        ServeConfig config = parse("issuer.demo.url = http://127.0.0.1:8080/realms/demo\n"
                + "issuer.demo.jwks-uri = http://127.0.0.1:8080/realms/demo/protocol/openid-connect/certs\n"
                + "allow-http-on-loopback = true\n");

        assertThat(config.allowHttpOnLoopback()).isTrue();
        assertThat(config.verifier()).isNotNull();
    }

    @Test
    void refusesHttpOnAnotherHostEvenWithTheDemoSwitch() {
        assertThatThrownBy(() -> parse("issuer.demo.url = http://idp.example.jp/realms/demo\n"
                + "issuer.demo.jwks-uri = http://idp.example.jp/certs\nallow-http-on-loopback = true\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("issuer.demo");
    }

    @Test
    void refusesADemoSwitchThatIsNeitherTrueNorFalse() {
        assertThatThrownBy(() -> parse(MYNA + "allow-http-on-loopback = yes\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("true or false");
    }

    @Test
    void theDefaultLocationFollowsXdgConfigHome() {
        assertThat(ServeConfig.defaultLocation(Map.of("XDG_CONFIG_HOME", "/home/r/.cfg")))
                .isEqualTo(Path.of("/home/r/.cfg/card-bridge/card-bridge.properties"));
        assertThat(ServeConfig.defaultLocation(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".config", "card-bridge", "card-bridge.properties"));
    }

    private static ServeConfig parse(String text) throws Exception {
        return ServeConfig.parse(new StringReader(text));
    }
}
