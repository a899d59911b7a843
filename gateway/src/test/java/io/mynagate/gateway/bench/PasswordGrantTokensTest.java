package io.mynagate.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PasswordGrantTokensTest {

  private static final String CLIENT_BASIC = "Basic YmVuY2gtYXBwOnMlM0NjcmV0"; // bench-app:s%3Ccret
  private final Vertx vertx = Vertx.vertx();
  private final ConcurrentLinkedQueue<String> usernames = new ConcurrentLinkedQueue<>();
  private final Map<String, String> formOfLastLogin = new ConcurrentHashMap<>();
  private final AtomicInteger issued = new AtomicInteger();

  @AfterEach
  void closeVertx() {
    vertx.close().await();
  }

  @Test
  void logsInOncePerTokenTakingUsersRoundRobin() throws Exception {
    PasswordGrantTokens minter = minter(tokenEndpoint(this::issueToken), 3);

    List<String> tokens = minter.mint(7, 2);

    assertThat(tokens).hasSize(7).doesNotHaveDuplicates().allMatch(t -> t.startsWith("token-"));
    assertThat(usernames).containsExactlyInAnyOrder("resident1", "resident2", "resident3",
        "resident1", "resident2", "resident3", "resident1");
    assertThat(formOfLastLogin).containsEntry("grant_type", "password")
        .containsEntry("password", "pass word&=");
  }

  @Test
  void failsNamingUserAndStatusButNotThePasswordWhenALoginIsRefused() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    PasswordGrantTokens minter = minter(tokenEndpoint(request -> {
      attempts.incrementAndGet();
      request.response().setStatusCode(401)
          .end("{\"error\":\"invalid_grant\",\"password\":\"pass word&=\"}");
    }), 1);

    assertThatThrownBy(() -> minter.mint(50, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("login of resident1 gave no access token (HTTP 401)");
    assertThat(attempts).as("logins after the first refusal").hasValue(1);
  }

  @Test
  void failsWhenTheAnswerHasNoToken() throws Exception {
    PasswordGrantTokens minter = minter(tokenEndpoint(request -> request.response()
        .putHeader("Content-Type", "application/json").end("{\"token_type\":\"Bearer\"}")), 1);

    assertThatThrownBy(() -> minter.mint(1, 1))
        .hasMessageContaining("gave no access token (HTTP 200)");
  }

  private PasswordGrantTokens minter(int port, int users) {
    return new PasswordGrantTokens(URI.create("http://127.0.0.1:" + port + "/token"),
        "bench-app", "s<cret", "resident", users, "pass word&=");
  }

  private void issueToken(HttpServerRequest request) {
    if (!CLIENT_BASIC.equals(request.getHeader("Authorization"))) {
      request.response().setStatusCode(401).end();
      return;
    }
    request.setExpectMultipart(true);
    request.end().onSuccess(v -> {
      request.formAttributes().forEach(e -> formOfLastLogin.put(e.getKey(), e.getValue()));
      usernames.add(request.getFormAttribute("username"));
      request.response().putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("access_token", "token-" + issued.incrementAndGet())
              .put("token_type", "Bearer").encode());
    });
  }

  private int tokenEndpoint(io.vertx.core.Handler<HttpServerRequest> handler) {
    return vertx.createHttpServer().requestHandler(handler).listen(0, "127.0.0.1").await()
        .actualPort();
  }
}
