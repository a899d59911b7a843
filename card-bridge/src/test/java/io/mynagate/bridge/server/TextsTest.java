package io.mynagate.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.jpki.Reason;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every text of the pages exists in both languages, and every hand-off refusal has its sentence. */
class TextsTest {
    /** The reasons jpki's HandoffRequestVerifier refuses with (docs/handoff-request.md, "Order of the checks"). */
    private static final Set<Reason> HANDOFF_REASONS = EnumSet.of(Reason.OVERSIZED_REQUEST, Reason.MALFORMED_REQUEST,
            Reason.UNSIGNED_REQUEST, Reason.DISALLOWED_ALGORITHM, Reason.WRONG_TYPE, Reason.DISALLOWED_HEADER,
            Reason.ISSUER_NOT_ALLOWED, Reason.KEY_SET_UNAVAILABLE, Reason.UNKNOWN_KEY, Reason.WEAK_KEY,
            Reason.INVALID_SIGNATURE, Reason.REQUEST_AUDIENCE, Reason.REQUEST_EXPIRED, Reason.REQUEST_LIFETIME,
            Reason.RETURN_URI_FOREIGN, Reason.UNKNOWN_CLAIM, Reason.REQUEST_REPLAYED);

    @Test
    void japaneseAndEnglishHaveTheSameKeys() {
        assertThat(Texts.all(Language.EN).keySet()).isEqualTo(Texts.all(Language.JA).keySet());
    }

    @Test
    void everyHandoffRefusalHasItsOwnSentence() {
        for (Reason reason : HANDOFF_REASONS) {
            assertThat(Texts.has("refusal." + reason.code())).as(reason.code()).isTrue();
        }
    }

    @Test
    void argumentsAreFilledIn() {
        assertThat(Texts.get(Language.JA, "notice.wrong_pin.auth", 2)).isEqualTo("暗証番号が違います。残り回数は2回です。");
        assertThat(Texts.get(Language.EN, "claim.age_over", 20)).startsWith("Whether you are 20 or older");
    }
}
