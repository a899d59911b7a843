package io.mynagate.gateway.bench;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import java.security.Provider;
import java.text.ParseException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH benchmark of the gateway's per-token crypto: JWS signature verification with Nimbus, the
 * JDK's default provider against Bouncy Castle and the Amazon Corretto Crypto Provider (native
 * AWS-LC), for each algorithm the gateway allows.
 *
 * <p>{@link #verifySignature()} is the signature check alone on an already parsed token (what a
 * provider choice changes); {@link #parseAndVerify()} adds the Base64URL/JSON parsing that every
 * new token costs too. Run through {@code bench/gateway/jmh.sh}, which prints the ratios to JDK
 * ({@link VerifyBenchmarkMain}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VerifyBenchmark {

  /** Shared so that provider construction is not measured; providers are thread-safe. */
  private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

  /** The JWS algorithm (RFC 7518 section 3.1). */
  @Param({"RS256", "ES256", "PS256"})
  public String alg;

  /** {@code JDK} default JCA provider, {@code BC} Bouncy Castle, {@code ACCP} Corretto. */
  @Param({"JDK", "BC", "ACCP"})
  public String provider;

  private String serialized;
  private SignedJWT parsed;
  private JWSVerifier verifier;

  /**
   * Creates a key, signs one token with it and builds the verifier for the chosen provider.
   *
   * @throws Exception when the key, token or verifier cannot be made (a broken benchmark)
   */
  @Setup
  public void setUp() throws Exception {
    TokenMint mint = TokenMint.builder().algorithm(alg).build();
    serialized = mint.mint("bench-subject", Instant.now());
    parsed = SignedJWT.parse(serialized);
    verifier = verifierFor(mint.publicJwks().getKeys().get(0), mint.algorithm(), provider);
    if (!parseAndVerify()) {
      throw new IllegalStateException("benchmark token does not verify with " + provider);
    }
  }

  static JWSVerifier verifierFor(JWK key, JWSAlgorithm algorithm, String provider)
      throws JOSEException {
    JWSVerifier verifier = JWSAlgorithm.Family.EC.contains(algorithm)
        ? new ECDSAVerifier(key.toECKey()) : new RSASSAVerifier(key.toRSAKey());
    switch (provider) {
      case "JDK" -> { }
      case "BC" -> verifier.getJCAContext().setProvider(BOUNCY_CASTLE);
      case "ACCP" -> {
        AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
        verifier.getJCAContext().setProvider(AmazonCorrettoCryptoProvider.INSTANCE);
      }
      default -> throw new IllegalArgumentException("provider must be JDK, BC or ACCP: "
          + provider);
    }
    return verifier;
  }

  /**
   * Signature verification of a parsed token.
   *
   * @return the verification result (consumed by JMH so it cannot be optimised away)
   * @throws JOSEException on an internal JCA failure
   */
  @Benchmark
  public boolean verifySignature() throws JOSEException {
    return verifier.verify(parsed.getHeader(), parsed.getSigningInput(), parsed.getSignature());
  }

  /**
   * Parsing plus verification: the crypto work a token not yet in the gateway's cache costs.
   *
   * @return the verification result
   * @throws JOSEException on an internal JCA failure
   * @throws ParseException never for the benchmark's own token
   */
  @Benchmark
  public boolean parseAndVerify() throws JOSEException, ParseException {
    return SignedJWT.parse(serialized).verify(verifier);
  }
}
