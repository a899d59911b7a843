package io.mynagate.gateway.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;

/**
 * A compact JWS whose header passed {@link JwsHeaderPolicy}: the header parsed once, and the
 * token's parts by position. The signature is not yet verified.
 *
 * @param header the parsed protected header
 * @param token the compact serialization
 * @param firstDot index of the dot after the header
 * @param secondDot index of the dot before the signature
 */
public record CheckedJws(JWSHeader header, String token, int firstDot, int secondDot) {
  /**
   * @return the base64url payload part, still encoded
   */
  public String payloadPart() {
    return token.substring(firstDot + 1, secondDot);
  }

  /**
   * Verifies the signature over {@code header.payload} (RFC 7515 section 5.2) from the header
   * parsed by the policy, so neither the header nor the token is parsed again.
   *
   * @param verifier a verifier for the token's key
   * @return whether the signature is valid
   * @throws JOSEException if the verifier cannot process the header or algorithm
   */
  public boolean verify(JWSVerifier verifier) throws JOSEException {
    byte[] signingInput = token.substring(0, secondDot).getBytes(StandardCharsets.US_ASCII);
    return verifier.verify(header, signingInput, new Base64URL(token.substring(secondDot + 1)));
  }

  /** Keeps the token out of logs. */
  @Override
  public String toString() {
    return "CheckedJws[alg=" + header.getAlgorithm() + ", kid=" + header.getKeyID() + "]";
  }
}
