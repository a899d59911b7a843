package io.mynagate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.mynagate.gateway.token.VerifiedToken;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntrospectionAnswerTest {
  private static VerifiedToken token(JWTClaimsSet claims, Optional<String> jkt) {
    return new VerifiedToken("https://idp", "s", Optional.empty(), List.of(), Set.of(),
        Optional.empty(), Instant.now().plusSeconds(60), "k", jkt, claims);
  }

  @Test
  void writesTheListedClaimsOnlyWithDatesAsNumericDate() {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://idp").subject("s")
        .audience(List.of("bank", "visa")).expirationTime(new Date(1_800_000_000_000L))
        .claim("scope", "openid read").claim("azp", "bank-app")
        .claim("name", "not answered").build();
    JsonObject json = new JsonObject(IntrospectionAnswer.active(token(claims, Optional.empty())));
    assertThat(json).isEqualTo(new JsonObject().put("active", true).put("iss", "https://idp")
        .put("sub", "s").put("aud", new io.vertx.core.json.JsonArray().add("bank").add("visa"))
        .put("exp", 1_800_000_000L).put("scope", "openid read").put("azp", "bank-app")
        .put("client_id", "bank-app").put("token_type", "Bearer"));
  }

  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    String nasty = "a\"b\\c\n\u0001d\u00e9\u3042";
    JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(nasty)
        .claim("cnf", Map.of("jkt", nasty)).build();
    JsonObject json = new JsonObject(IntrospectionAnswer.active(token(claims, Optional.of("t"))));
    assertThat(json.getString("sub")).isEqualTo(nasty);
    assertThat(json.getJsonObject("cnf").getString("jkt")).isEqualTo(nasty);
    assertThat(json.getString("token_type")).isEqualTo("DPoP");
  }

  @Test
  void inactiveSaysNothingElse() {
    assertThat(IntrospectionAnswer.inactive().toString()).isEqualTo("{\"active\":false}");
  }
}
