package io.mynagate.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {
  private static Map<String, Object> parse(String json) throws ParseException {
    return StrictJson.parseObject(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void givesThePlainJavaTypesNimbusExpects() throws Exception {
    Map<String, Object> m = parse("{\"s\":\"x\",\"n\":1700000000,\"big\":123456789012345678901234,"
        + "\"f\":1.5,\"t\":true,\"no\":false,\"z\":null,\"a\":[\"p\",2],\"o\":{\"jkt\":\"k\"}}");
    assertThat(m).containsEntry("s", "x").containsEntry("n", 1700000000L)
        .containsEntry("big", new BigInteger("123456789012345678901234")).containsEntry("f", 1.5)
        .containsEntry("t", true).containsEntry("no", false).containsEntry("z", null)
        .containsEntry("a", List.of("p", 2L)).containsEntry("o", Map.of("jkt", "k"));
    assertThat(m.keySet()).containsExactly("s", "n", "big", "f", "t", "no", "z", "a", "o");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"sub\":\"a\",\"sub\":\"b\"}",          // duplicate member
      "{\"cnf\":{\"jkt\":\"a\",\"jkt\":\"b\"}}", // duplicate member, nested
      "[1,2]",                                    // not an object
      "\"text\"",
      "{\"a\":1}{\"b\":2}",                       // content after the object
      "{\"a\":1} x",
      "{\"a\":1",                                 // truncated
      "{a:1}",                                    // not JSON
      ""})
  void refuses(String json) {
    assertThatThrownBy(() -> parse(json)).isInstanceOf(ParseException.class);
  }

  @Test
  void keepsTheInputOutOfItsErrorMessage() {
    assertThatThrownBy(() -> parse("{\"name\":\"Yamada Taro\",\"name\":\"x\"}"))
        .isInstanceOf(ParseException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Yamada"));
  }
}
