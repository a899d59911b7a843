package io.mynagate.gateway.jwks;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import io.mynagate.gateway.config.GatewayConfig.CryptoProvider;
import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Which JCA provider verifies signatures of which key type. Immutable and thread-safe.
 *
 * <p>The default, {@link CryptoProvider#AUTO}, follows {@code bench/gateway/jmh.sh} on Java 17:
 * the JDK's SunRsaSign verifies RS256/PS256 7-15 % faster than Bouncy Castle, while Bouncy Castle
 * verifies ES256 about five times faster than SunEC (whose P-256 verification manages well under
 * a thousand per second per core). So RSA keys go to the JDK and EC keys to Bouncy Castle.
 */
public final class VerificationProviders {
  private final Provider rsa;
  private final Provider ec;

  private VerificationProviders(Provider rsa, Provider ec) {
    this.rsa = rsa;
    this.ec = ec;
  }

  /**
   * @param choice the configured provider policy, not {@code null}
   * @return the providers for that policy
   */
  public static VerificationProviders of(CryptoProvider choice) {
    switch (choice) {
      case JDK:
        return new VerificationProviders(null, null);
      case BC: {
        Provider bc = new BouncyCastleProvider();
        return new VerificationProviders(bc, bc);
      }
      case AUTO:
        return new VerificationProviders(null, new BouncyCastleProvider());
      default:
        throw new IllegalArgumentException("unknown crypto provider " + choice);
    }
  }

  /**
   * Points the verifier at the provider for the key's type; the JDK's defaults stay in place
   * where the policy names none.
   *
   * @param verifier a Nimbus verifier built for {@code key}
   * @param key the verification key
   * @return {@code verifier}
   */
  public JWSVerifier configure(JWSVerifier verifier, JWK key) {
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
