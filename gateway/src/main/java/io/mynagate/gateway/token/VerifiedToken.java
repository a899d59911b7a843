package io.mynagate.gateway.token;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An access token whose signature, issuer and validity period were verified. Route requirements
 * (audience, scopes, {@code acr}), the deny list and DPoP are checked per request on top of it.
 *
 * @param issuer {@code iss}
 * @param subject {@code sub}
 * @param sessionId {@code sid}, if present
 * @param audiences {@code aud}
 * @param scopes space-separated {@code scope} split into a set
 * @param acr {@code acr}, if present
 * @param expiresAt {@code exp}
 * @param keyId the {@code kid} of the key that verified the signature
 * @param confirmationThumbprint {@code cnf.jkt} (RFC 9449 section 6), if the token is DPoP-bound
 * @param claims all claims, for introspection responses
 */
public record VerifiedToken(
    String issuer,
    String subject,
    Optional<String> sessionId,
    List<String> audiences,
    Set<String> scopes,
    Optional<String> acr,
    Instant expiresAt,
    String keyId,
    Optional<String> confirmationThumbprint,
    JWTClaimsSet claims) {

  /** Copies the collections. */
  public VerifiedToken {
    audiences = List.copyOf(audiences);
    scopes = Set.copyOf(scopes);
  }

  /** Keeps claims (personal data) out of logs. */
  @Override
  public String toString() {
    return "VerifiedToken[issuer=" + issuer + ", keyId=" + keyId + "]";
  }
}
