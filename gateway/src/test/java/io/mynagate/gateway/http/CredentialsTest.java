package io.mynagate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialsTest {
  @Test
  void acceptsJwsAndPaddedToken68() {
    assertThat(Credentials.isToken68("eyJh.eyJz.sig-_~+/")).isTrue();
    assertThat(Credentials.isToken68("abc==")).isTrue();
  }

  @Test
  void rejectsEmptyPaddingOnlyAndForeignCharacters() {
    assertThat(Credentials.isToken68("")).isFalse();
    assertThat(Credentials.isToken68("==")).isFalse();
    assertThat(Credentials.isToken68("a=b")).isFalse();
    assertThat(Credentials.isToken68("a b")).isFalse();
    assertThat(Credentials.isToken68("a,b")).isFalse();
  }

  @Test
  void acceptsEveryToken68CharacterAndNoOtherAsciiOrNonAscii() {
    String allowed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";
    assertThat(Credentials.isToken68(allowed)).isTrue();
    for (char c = 0; c < 512; c++) {
      boolean expected = allowed.indexOf(c) >= 0;
      assertThat(Credentials.isToken68("a" + c + "b")).as("char %d", (int) c).isEqualTo(expected);
    }
    assertThat(Credentials.isToken68("ab\uFF21")).isFalse();
  }
}
