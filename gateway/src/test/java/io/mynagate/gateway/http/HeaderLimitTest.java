package io.mynagate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.SignedJWT;
import io.mynagate.gateway.dpop.DpopVerifier;
import io.mynagate.gateway.support.GatewayFixture;
import io.mynagate.gateway.support.Tokens;
import io.mynagate.gateway.token.JwsHeaderPolicy;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The listener's header bound leaves room for a token of the documented maximum, the token check
 * refuses anything longer, and a header section beyond the listener's bound is refused through
 * the same mapper as every other refusal (challenge, metric).
 */
class HeaderLimitTest {
  private static GatewayFixture gw;

  @BeforeAll
  static void start() {
    gw = GatewayFixture.start();
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  /**
   * A validly signed RS256 access token of exactly {@code length} characters, padded with a
   * claim. The RS256 signature of a 2048-bit key is always 342 base64url characters; a base64url
   * text cannot be 1 modulo 4 characters long, so a header parameter of 0 to 2 characters is
   * added until header and payload together can reach the length.
   */
  private static String signedTokenOfLength(int length) {
    for (int headerPad = 0; headerPad < 3; headerPad++) {
      JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(gw.rsa.getKeyID())
          .type(JOSEObjectType.JWT).customParam("p", "x".repeat(headerPad)).build();
      int unpadded = unsigned(header, 0).getSigningInput().length + 1 + 342;
      for (int pad = (length - unpadded) * 3 / 4 - 4; pad < (length - unpadded) * 3 / 4 + 4;
          pad++) {
        SignedJWT jwt = unsigned(header, pad);
        if (jwt.getSigningInput().length + 1 + 342 == length) {
          try {
            jwt.sign(Tokens.signer(gw.rsa));
          } catch (JOSEException e) {
            throw new IllegalStateException(e);
          }
          String token = jwt.serialize();
          assertThat(token).hasSize(length);
          return token;
        }
      }
    }
    throw new IllegalStateException("no token of length " + length);
  }

  private static SignedJWT unsigned(JWSHeader header, int pad) {
    return new SignedJWT(header, Tokens.accessClaims(gw.issuer())
        .claim("pad", "x".repeat(Math.max(pad, 0))).build());
  }

  @Test
  void forwardsValidTokenOfExactlyTheDocumentedMaximumLength() {
    String token = signedTokenOfLength(JwsHeaderPolicy.MAX_TOKEN_LENGTH);

    assertThat(gw.get("/api/x", "Bearer " + token).statusCode()).isEqualTo(200);
  }

  @Test
  void refusesValidlySignedTokenOneCharacterOverTheMaximumByTheTokenCheck() {
    // Validly signed, so only the length check can refuse it.
    String token = signedTokenOfLength(JwsHeaderPolicy.MAX_TOKEN_LENGTH + 1);
    double before = gw.rejections("malformed_token");

    HttpResponse<Buffer> response = gw.get("/api/x", "Bearer " + token);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate"))
        .isEqualTo("Bearer realm=\"myna-gateway\", error=\"invalid_token\"");
    assertThat(gw.rejections("malformed_token")).isEqualTo(before + 1);
  }

  @Test
  void refusesTokenFarOverTheMaximumByTheTokenCheckNotTheListener() {
    // As long as a token and a DPoP proof together: inside the listener's bound, so the
    // gateway's own check decides.
    String token = "a".repeat(JwsHeaderPolicy.MAX_TOKEN_LENGTH + DpopVerifier.MAX_PROOF_LENGTH);
    double before = gw.rejections("malformed_token");

    HttpResponse<Buffer> response = gw.get("/api/x", "Bearer " + token);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(gw.rejections("malformed_token")).isEqualTo(before + 1);
  }

  /**
   * What the gateway answers a request sent whole over a raw socket. The request is written
   * completely and the socket half-closed before reading: the gateway closes the connection after
   * answering an undecodable request, and a client still writing at that moment can lose the
   * answer to the reset (a race of the client, not of the gateway).
   */
  private static RawAnswer sendRaw(String requestTarget, String authorization) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", gw.port())) {
      socket.setSoTimeout(10_000);
      String request = "GET " + requestTarget + " HTTP/1.1\r\nHost: 127.0.0.1:" + gw.port() + "\r\n"
          + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.shutdownOutput();
      return RawAnswer.parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** Status, headers (names lower case) and body of one HTTP/1.1 answer. */
  private record RawAnswer(int status, Map<String, String> headers, String body) {
    static RawAnswer parse(String text) {
      int end = text.indexOf("\r\n\r\n");
      assertThat(end).as("a complete HTTP answer: %s", text).isPositive();
      String[] lines = text.substring(0, end).split("\r\n");
      Map<String, String> headers = new HashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
      return new RawAnswer(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
    }
  }

  @Test
  void refusesHeaderSectionBeyondTheListenerBoundWith431ChallengedAndCounted() throws IOException {
    String token = "a".repeat(GatewayVerticle.MAX_HEADER_SIZE);
    double before = gw.rejections("headers_too_large");
    double rejected = gw.metric("gateway_requests_total\\{outcome=\"rejected\"\\}");

    RawAnswer response = sendRaw("/api/x", "Bearer " + token);

    assertThat(response.status()).isEqualTo(431);
    assertThat(response.headers().get("www-authenticate"))
        .isEqualTo("Bearer realm=\"myna-gateway\", error=\"invalid_request\"");
    assertThat(new JsonObject(response.body()).getString("error")).isEqualTo("invalid_request");
    assertThat(gw.rejections("headers_too_large")).isEqualTo(before + 1);
    assertThat(gw.metric("gateway_requests_total\\{outcome=\"rejected\"\\}"))
        .isEqualTo(rejected + 1);
  }

  @Test
  void refusesRequestLineBeyondTheListenerBoundWith414ChallengedAndCounted() throws IOException {
    double before = gw.rejections("request_line_too_long");

    RawAnswer response = sendRaw("/api/" + "a".repeat(8192), null);

    assertThat(response.status()).isEqualTo(414);
    assertThat(response.headers().get("www-authenticate"))
        .isEqualTo("Bearer realm=\"myna-gateway\", error=\"invalid_request\"");
    assertThat(gw.rejections("request_line_too_long")).isEqualTo(before + 1);
  }
}
