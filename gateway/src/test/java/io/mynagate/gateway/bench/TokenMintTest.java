package io.mynagate.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenMintTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void mintedRs256TokenVerifiesWithThePublishedJwks() throws Exception {
    assertVerifiesWithPublishedKey("RS256");
  }

  @Test
  void mintedEs256TokenVerifiesWithThePublishedJwks() throws Exception {
    assertVerifiesWithPublishedKey("ES256");
  }

  @Test
  void publishedJwksHoldsNoPrivateKey() {
    TokenMint mint = TokenMint.builder().algorithm("ES256").build();

    assertThat(mint.publicJwks().getKeys()).singleElement()
        .satisfies(key -> assertThat(key.isPrivate()).isFalse());
  }

  @Test
  void mintedTokenCarriesTheClaimsTheGatewayChecks() throws Exception {
    TokenMint mint = TokenMint.builder().algorithm("ES256").issuer("http://127.0.0.1:1/realms/b")
        .audience("bank-api").scope("openid accounts:read").acr("urn:test:acr")
        .lifetime(Duration.ofHours(2)).build();

    JWTClaimsSet claims = SignedJWT.parse(mint.mint("alice", NOW)).getJWTClaimsSet();

    assertThat(claims.getIssuer()).isEqualTo("http://127.0.0.1:1/realms/b");
    assertThat(claims.getAudience()).containsExactly("bank-api");
    assertThat(claims.getSubject()).isEqualTo("alice");
    assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(2)));
    assertThat(claims.getStringClaim("scope")).isEqualTo("openid accounts:read");
    assertThat(claims.getStringClaim("acr")).isEqualTo("urn:test:acr");
    assertThat(claims.getStringClaim("sid")).isNotBlank();
    assertThat(claims.getJWTID()).isNotBlank();
  }

  @Test
  void poolTokensAreAllDistinct() {
    List<String> pool = TokenMint.builder().algorithm("ES256").build().mintPool(200, 10);

    assertThat(new HashSet<>(pool)).hasSize(200);
  }

  @Test
  void recognisesItsOwnStillValidTokenForReuse() {
    TokenMint mint = TokenMint.builder().algorithm("ES256").lifetime(Duration.ofHours(8)).build();
    TokenMint reloaded = TokenMint.builder().algorithm("ES256").key(mint.privateKey()).build();

    assertThat(reloaded.minted(mint.mint("alice", NOW), NOW, Duration.ofHours(2))).isTrue();
  }

  @Test
  void refusesReuseOfTokenNearItsExpiry() {
    TokenMint mint = TokenMint.builder().algorithm("ES256").lifetime(Duration.ofHours(1)).build();

    assertThat(mint.minted(mint.mint("alice", NOW), NOW, Duration.ofHours(2))).isFalse();
  }

  @Test
  void refusesReuseOfTokenFromAnotherKey() {
    String foreign = TokenMint.builder().algorithm("ES256").build().mint("alice", NOW);

    assertThat(TokenMint.builder().algorithm("ES256").build()
        .minted(foreign, NOW, Duration.ofMinutes(1))).isFalse();
  }

  @Test
  void refusesSymmetricAlgorithm() {
    assertThatThrownBy(() -> TokenMint.builder().algorithm("HS256").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HS256");
  }

  private static void assertVerifiesWithPublishedKey(String alg) throws Exception {
    TokenMint mint = TokenMint.builder().algorithm(alg).build();
    SignedJWT jwt = SignedJWT.parse(mint.mint("alice", NOW));

    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.parse(alg));
    assertThat(jwt.verify(VerifyBenchmark.verifierFor(mint.publicJwks().getKeys().get(0),
        mint.algorithm(), "JDK"))).isTrue();
    assertThat(jwt.verify(VerifyBenchmark.verifierFor(mint.publicJwks().getKeys().get(0),
        mint.algorithm(), "BC"))).isTrue();
  }
}
