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
}
