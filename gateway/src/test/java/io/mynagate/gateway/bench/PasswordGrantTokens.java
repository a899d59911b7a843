package io.mynagate.gateway.bench;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Mints a pool of access tokens from a real OpenID provider's token endpoint with the resource
 * owner password grant, one login (and so one user session) per token, users taken round-robin.
 * The benchmark uses it to give Keycloak's introspection the same kind of pool the gateway gets:
 * many users' tokens, each from its own session, not one service-account token asked about again
 * and again.
 *
 * <p>Usage: {@code PasswordGrantTokens --token-url U --client-id C --user-prefix P --users N
 * --tokens N --out F [--concurrency 4]}, with the client secret and the users' password in the
 * environment variables {@code CLIENT_SECRET} and {@code USER_PASSWORD} (not on the command line,
 * where every process listing shows them); users are named {@code P1 .. PN}. Writes one compact JWS per line; fails on the first answer without a token,
 * naming the user and the HTTP status (never the password or the answer's body).
 */
public final class PasswordGrantTokens {

  private final URI tokenUrl;
  private final String basicAuthorization;
  private final String userPrefix;
  private final int users;
  private final String password;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();

  PasswordGrantTokens(URI tokenUrl, String clientId, String clientSecret, String userPrefix,
      int users, String password) {
    if (users < 1) {
      throw new IllegalArgumentException("users must be at least 1");
    }
    this.tokenUrl = tokenUrl;
    this.basicAuthorization = "Basic " + Base64.getEncoder().encodeToString(
        (form(clientId) + ":" + form(clientSecret)).getBytes(StandardCharsets.UTF_8));
    this.userPrefix = userPrefix;
    this.users = users;
    this.password = password;
  }

  /**
   * Logs in {@code count} times, at most {@code concurrency} logins in flight.
   *
   * @return the access tokens, in login order
   * @throws IllegalStateException naming the user and status of the first login without a token
   */
  List<String> mint(int count, int concurrency) throws InterruptedException {
    Semaphore inFlight = new Semaphore(concurrency);
    AtomicBoolean refused = new AtomicBoolean();
    List<CompletableFuture<String>> logins = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      if (refused.get()) {
        break; // no point in thousands more logins against a provider that refuses them
      }
      CompletableFuture<String> login = login(userPrefix + (i % users + 1));
      login.whenComplete((token, e) -> {
        if (e != null) {
          refused.set(true);
        }
        inFlight.release();
      });
      logins.add(login);
    }
    List<String> tokens = new ArrayList<>(count);
    for (CompletableFuture<String> login : logins) {
      try {
        tokens.add(login.join());
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
    }
    return tokens;
  }

  private CompletableFuture<String> login(String username) {
    String body = "grant_type=password&username=" + form(username) + "&password="
        + form(password);
    HttpRequest request = HttpRequest.newBuilder(tokenUrl)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", basicAuthorization)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
      String token = response.statusCode() == 200
          ? new JsonObject(response.body()).getString("access_token") : null;
      if (token == null || token.isEmpty()) {
        throw new IllegalStateException("login of " + username + " gave no access token (HTTP "
            + response.statusCode() + ")");
      }
      return token;
    });
  }

  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * Mints the pool and writes it.
   *
   * @param args see the class comment
   * @throws Exception when a login fails or the file cannot be written
   */
  public static void main(String[] args) throws Exception {
    BenchArgs parsed = BenchArgs.parse(args, "token-url", "client-id", "user-prefix", "users",
        "tokens", "out", "concurrency");
    PasswordGrantTokens minter = new PasswordGrantTokens(URI.create(parsed.require("token-url")),
        parsed.require("client-id"), secretFromEnvironment("CLIENT_SECRET"),
        parsed.require("user-prefix"), parsed.getInt("users", 1),
        secretFromEnvironment("USER_PASSWORD"));
    int count = parsed.getInt("tokens", 10_000);
    long start = System.nanoTime();
    List<String> tokens = minter.mint(count, parsed.getInt("concurrency", 4));
    BenchArgs.writeAtomically(Path.of(parsed.require("out")), String.join("\n", tokens) + "\n");
    System.out.printf("minted %d tokens by password grant in %.1f s%n", tokens.size(),
        (System.nanoTime() - start) / 1e9);
  }

  private static String secretFromEnvironment(String name) {
    String value = System.getenv(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("environment variable " + name + " is not set");
    }
    return value;
  }
}
