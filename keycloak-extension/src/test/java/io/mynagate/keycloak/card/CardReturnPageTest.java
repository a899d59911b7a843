package io.mynagate.keycloak.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The return page writes the login's parameters as text, never as markup. */
class CardReturnPageTest {
    @Test
    void escapesMarkupAndQuotesOfAValue() {
        assertThat(CardReturnPage.escape("\"><script>alert('x')</script>&"))
                .isEqualTo("&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;");
    }

    // form-action would also govern the redirects after the post, which end at the relying party.
    @Test
    void allowsOnlyTheScriptOfItsOwnOriginAndNoFormActionRule() {
        assertThat(CardReturnPage.CONTENT_SECURITY_POLICY)
                .contains("default-src 'none'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("form-action");
    }
}
