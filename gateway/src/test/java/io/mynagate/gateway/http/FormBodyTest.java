package io.mynagate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormBodyTest {
  @Test
  void decodesPercentAndPlusEncoding() {
    assertThat(FormBody.parse("token=a%2Bb+c&token_type_hint=access_token"))
        .containsEntry("token", "a+b c").containsEntry("token_type_hint", "access_token");
  }

  @Test
  void takesAParameterWithoutValueAsEmpty() {
    assertThat(FormBody.parse("token")).containsEntry("token", "");
    assertThat(FormBody.parse("")).isEmpty();
  }

  @Test
  void refusesAParameterSentTwice() {
    assertThatThrownBy(() -> FormBody.parse("token=a&token=b"))
        .isInstanceOf(FormBody.RefusedException.class)
        .satisfies(e -> assertThat(((FormBody.RefusedException) e).status()).isEqualTo(400));
  }

  @Test
  void refusesMalformedPercentEncoding() {
    assertThatThrownBy(() -> FormBody.parse("token=%zz"))
        .isInstanceOf(FormBody.RefusedException.class);
  }
}
