package io.mynagate.keycloak.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The return page's post is accepted from the realm's own origin only (RFC 6454). */
class SameOriginTest {
    private static final URI BASE = URI.create("https://idp.example.jp/");

    @Test
    void acceptsThePostOfAPageOfTheSameOrigin() {
        assertThat(SameOrigin.accepts("https://idp.example.jp", "same-origin", BASE)).isTrue();
    }

    @Test
    void acceptsTheDefaultPortWrittenOrNot() {
        assertThat(SameOrigin.accepts("https://idp.example.jp:443", null, BASE)).isTrue();
        assertThat(SameOrigin.accepts("http://127.0.0.1:8080", null, URI.create("http://127.0.0.1:8080/"))).isTrue();
    }

    @Test
    void refusesAnotherHost() {
        assertThat(SameOrigin.accepts("https://attacker.example", null, BASE)).isFalse();
    }

    @Test
    void refusesAnotherPort() {
        assertThat(SameOrigin.accepts("https://idp.example.jp:8443", null, BASE)).isFalse();
    }

    @Test
    void refusesAnotherScheme() {
        assertThat(SameOrigin.accepts("http://idp.example.jp", null, BASE)).isFalse();
    }

    @Test
    void refusesAMissingOrOpaqueOrigin() {
        assertThat(SameOrigin.accepts(null, "same-origin", BASE)).isFalse();
        assertThat(SameOrigin.accepts("null", "same-origin", BASE)).isFalse();
    }

    @Test
    void refusesACrossSiteFetchEvenWithAMatchingOrigin() {
        assertThat(SameOrigin.accepts("https://idp.example.jp", "cross-site", BASE)).isFalse();
        assertThat(SameOrigin.accepts("https://idp.example.jp", "same-site", BASE)).isFalse();
    }

    @Test
    void refusesAnOriginThatIsNotAUri() {
        assertThat(SameOrigin.accepts("https://idp example", null, BASE)).isFalse();
    }
}
