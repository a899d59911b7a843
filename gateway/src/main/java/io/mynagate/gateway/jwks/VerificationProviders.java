package io.mynagate.gateway.jwks;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import io.mynagate.gateway.config.GatewayConfig.CryptoProvider;
import java.security.Provider;
import java.util.Optional;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Which verifier, on which JCA provider, checks signatures of which key: the one place where the
 * gateway's signature verifiers are made ({@link #forIssuerKey}, {@link #forProofKey}). Immutable
 * and thread-safe.
 *
 * <p>The default, {@link CryptoProvider#AUTO}, follows {@code bench/gateway/jmh.sh} on Java 17:
 * the Amazon Corretto Crypto Provider (native AWS-LC) verifies RS256 about twice as fast as the
 * JDK and ES256 about four times as fast as Bouncy Castle, so it verifies every key type when its
 * native library loads and passes its self-tests. Where it cannot (a CPU or operating system its
 * jar has no library for), the fastest Java providers take over: the JDK's SunRsaSign for RSA
 * (faster than Bouncy Castle) and Bouncy Castle for EC (about five times faster than SunEC, whose
 * P-256 verification manages well under a thousand per second per core).
 *
 * <p>SunEC verifies no signature here, whatever the choice: on Java 17 it compares the x-coordinate
 * of R with {@code r} without reducing it modulo the group order n (SEC 1 v2 section 4.1.4 steps 7
 * and 8), so it refuses valid ES256 signatures whose R has x &ge; n (Wycheproof
 * {@code ecdsa_secp256r1_sha256_p1363_test.json} tcIds 115 and 257, {@code WycheproofTest}).
 * {@link CryptoProvider#JDK} therefore means SunRsaSign for RSA and Bouncy Castle for EC.
 */
public final class VerificationProviders {
  private static final System.Logger LOG =
      System.getLogger(VerificationProviders.class.getName());

  private final Provider rsa;
  private final Provider ec;

  private VerificationProviders(Provider rsa, Provider ec) {
    this.rsa = rsa;
    this.ec = ec;
  }

  /**
   * @param choice the configured provider policy, not {@code null}
   * @return the providers for that policy
   * @throws IllegalStateException if {@link CryptoProvider#ACCP} is chosen and cannot load
   */
  public static VerificationProviders of(CryptoProvider choice) {
    return of(choice, VerificationProviders::nativeProvider);
  }

  /** As {@link #of(CryptoProvider)}, with the native provider's loading given (tests). */
  static VerificationProviders of(CryptoProvider choice,
      java.util.function.Supplier<Optional<Provider>> nativeProvider) {
    switch (choice) {
      case JDK:
        // SunRsaSign for RSA; never SunEC for EC (see the class comment): Bouncy Castle instead.
        return new VerificationProviders(null, new BouncyCastleProvider());
      case BC: {
        Provider bc = new BouncyCastleProvider();
        return new VerificationProviders(bc, bc);
      }
      case ACCP: {
        Provider accp = nativeProvider.get().orElseThrow(() -> new IllegalStateException(
            "crypto: ACCP: the Amazon Corretto Crypto Provider did not load on this platform"));
        return new VerificationProviders(accp, accp);
      }
      case AUTO: {
        Optional<Provider> accp = nativeProvider.get();
        if (accp.isPresent()) {
          return new VerificationProviders(accp.get(), accp.get());
        }
        return new VerificationProviders(null, new BouncyCastleProvider());
      }
      default:
        throw new IllegalArgumentException("unknown crypto provider " + choice);
    }
  }

  /**
   * The Amazon Corretto Crypto Provider, if its native library loaded and its self-tests pass.
   * Not registered with {@link java.security.Security}: only the verifiers given it use it.
   */
  static Optional<Provider> nativeProvider() {
    try {
      AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
      accp.assertHealthy();
      return Optional.of(accp);
    } catch (RuntimeException | LinkageError e) {
      // The jar ships a library for Linux x86-64 only; elsewhere loading fails, which is normal.
      LOG.log(System.Logger.Level.INFO,
          "event=crypto_provider_unavailable provider=ACCP error={0}",
          e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  /**
   * The verifier for a key of an issuer's JWKS: {@link ReusedSignatureRsaVerifier} for RSA keys
   * (RS256/384/512, PS256/384/512; one key verifies many tokens, so each thread keeps its
   * initialized {@code Signature}), Nimbus's {@code ECDSAVerifier} for EC keys; each on this
   * policy's provider for the key type.
   *
   * @param key a public JWKS key, not {@code null}
   * @return a verifier bound to {@code key}
   * @throws JOSEException if the key is neither RSA nor EC, or unusable
   */
  public JWSVerifier forIssuerKey(JWK key) throws JOSEException {
    if (key instanceof RSAKey) {
      return configure(new ReusedSignatureRsaVerifier(((RSAKey) key).toRSAPublicKey()), key);
    }
    if (key instanceof ECKey) {
      return configure(new ECDSAVerifier(((ECKey) key).toECPublicKey()), key);
    }
    throw new JOSEException("unsupported key type " + key.getKeyType());
  }

  /**
   * The verifier for the key a DPoP proof carries in its header (RFC 9449 section 4.3): Nimbus's
   * {@code RSASSAVerifier} or {@code ECDSAVerifier}, on this policy's provider for the key type.
   * Such a key verifies about one proof, so there is no {@code Signature} worth keeping.
   *
   * @param key the proof's public key, not {@code null}
   * @return a verifier bound to {@code key}
   * @throws JOSEException if the key is neither RSA nor EC, or unusable
   */
  public JWSVerifier forProofKey(JWK key) throws JOSEException {
    if (key instanceof RSAKey) {
      return configure(new RSASSAVerifier((RSAKey) key), key);
    }
    if (key instanceof ECKey) {
      return configure(new ECDSAVerifier((ECKey) key), key);
    }
    throw new JOSEException("unsupported DPoP key type " + key.getKeyType());
  }

  /**
   * Points the verifier at the provider for the key's type; the JDK's defaults stay in place
   * where the policy names none.
   *
   * @param verifier a Nimbus verifier built for {@code key}
   * @param key the verification key
   * @return {@code verifier}
   */
  JWSVerifier configure(JWSVerifier verifier, JWK key) {
    Provider provider = key instanceof ECKey ? ec : rsa;
    if (provider != null) {
      verifier.getJCAContext().setProvider(provider);
    }
    return verifier;
  }

  /**
   * @param key a verification key
   * @return the provider's name for the key's type, or {@code "JDK"}, for logs
   */
  String nameFor(JWK key) {
    Provider provider = key instanceof ECKey ? ec : rsa;
    return provider == null ? "JDK" : provider.getName();
  }
}
