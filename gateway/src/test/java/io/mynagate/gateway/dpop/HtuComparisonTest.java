package io.mynagate.gateway.dpop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtuComparisonTest {
  @Test
  void ignoresQueryAndFragment() {
    assertThat(HtuComparison.matches("https://api.example/a?x=1#f", "https://api.example/a"))
        .isTrue();
  }

  @Test
  void comparesSchemeAndHostCaseInsensitivelyAndDefaultPorts() {
    assertThat(HtuComparison.matches("HTTPS://API.example:443/a", "https://api.example/a"))
        .isTrue();
  }

  @Test
  void distinguishesPaths() {
    assertThat(HtuComparison.matches("https://api.example/a", "https://api.example/b")).isFalse();
  }

  @Test
  void distinguishesHostsAndPorts() {
    assertThat(HtuComparison.matches("https://evil.example/a", "https://api.example/a")).isFalse();
    assertThat(HtuComparison.matches("https://api.example:8443/a", "https://api.example/a"))
        .isFalse();
  }

  @Test
  void rejectsRelativeUri() {
    assertThat(HtuComparison.matches("/a", "https://api.example/a")).isFalse();
  }
}
