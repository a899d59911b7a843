package io.mynagate.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TemplateVarsTest {

  @Test
  void replacesEveryKnownVariable() {
    TemplateVars vars = new TemplateVars().put("ISSUER", "http://i").put("GATEWAY_PORT", "8081");

    assertThat(vars.render("iss: ${ISSUER}\nport: ${GATEWAY_PORT}\nagain: ${ISSUER}"))
        .isEqualTo("iss: http://i\nport: 8081\nagain: http://i");
  }

  @Test
  void rejectsTemplateWithUnknownVariable() {
    assertThatThrownBy(() -> new TemplateVars().put("ISSUER", "x").render("${CRYPTO}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CRYPTO");
  }
}
