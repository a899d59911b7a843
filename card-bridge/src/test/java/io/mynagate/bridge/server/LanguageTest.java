package io.mynagate.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page's language: the explicit choice, else the browser's preference, else Japanese. */
class LanguageTest {
    @Test
    void japaneseWhenTheBrowserSaysNothing() {
        assertThat(Language.choose(null, null)).isEqualTo(Language.JA);
    }

    @Test
    void theFirstOfJapaneseAndEnglishByQuality() {
        assertThat(Language.choose(null, "en-US,en;q=0.9,ja;q=0.8")).isEqualTo(Language.EN);
        assertThat(Language.choose(null, "fr;q=1, ja-JP;q=0.7, en;q=0.5")).isEqualTo(Language.JA);
        assertThat(Language.choose(null, "en;q=0.3, ja;q=0.6")).isEqualTo(Language.JA);
    }

    @Test
    void japaneseWhenTheBrowserPrefersNeither() {
        assertThat(Language.choose(null, "de-DE,fr;q=0.5")).isEqualTo(Language.JA);
        assertThat(Language.choose(null, "en;q=0")).isEqualTo(Language.JA);
        assertThat(Language.choose(null, "en;q=banana")).isEqualTo(Language.JA);
    }

    @Test
    void theExplicitChoiceWins() {
        assertThat(Language.choose("en", "ja")).isEqualTo(Language.EN);
        assertThat(Language.choose("ja", "en")).isEqualTo(Language.JA);
    }

    @Test
    void anUnknownExplicitChoiceIsIgnored() {
        assertThat(Language.choose("xx", "en")).isEqualTo(Language.EN);
    }
}
