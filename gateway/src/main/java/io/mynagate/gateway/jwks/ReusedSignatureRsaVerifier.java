package io.mynagate.gateway.jwks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.CriticalHeaderParamsDeferral;
import com.nimbusds.jose.crypto.impl.RSASSA;
import com.nimbusds.jose.crypto.impl.RSASSAProvider;
import com.nimbusds.jose.util.Base64URL;
import java.security.InvalidKeyException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * RS256/384/512 and PS256/384/512 verification like Nimbus's {@code RSASSAVerifier} (same {@code
 * crit} handling, same JCA algorithm names and PSS parameters through Nimbus's {@code RSASSA}),
 * except that each thread keeps its JCA {@link Signature} initialized with this key and reuses
 * it. {@code RSASSAVerifier} looks up a provider, creates a {@code Signature} and runs {@code
 * initVerify} on every call, and decodes the signature with Nimbus's lenient Base64; here the
 * signature is decoded with the JDK's strict URL decoder (a signature with characters outside
 * base64url is refused). A {@code Signature} is back in its initialized state after {@code verify}
 * returns (JCA contract); after an exception it is discarded. Thread-safe: one {@code Signature}
 * per thread (the event loops) and algorithm.
 */
final class ReusedSignatureRsaVerifier extends RSASSAProvider implements JWSVerifier {
  private final RSAPublicKey publicKey;
  /** No deferred parameters: a header with any {@code crit} entry fails, as in Nimbus. */
  private final CriticalHeaderParamsDeferral critPolicy = new CriticalHeaderParamsDeferral();
  private final ThreadLocal<Map<JWSAlgorithm, Signature>> signatures =
      ThreadLocal.withInitial(HashMap::new);

  ReusedSignatureRsaVerifier(RSAPublicKey publicKey) {
    this.publicKey = publicKey;
  }

  @Override
  public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature)
      throws JOSEException {
    if (!critPolicy.headerPasses(header)) {
      return false;
    }
    JWSAlgorithm alg = header.getAlgorithm();
    if (!supportedJWSAlgorithms().contains(alg)) {
      throw new JOSEException("unsupported JWS algorithm " + alg);
    }
    byte[] sig;
    try {
      sig = Base64.getUrlDecoder().decode(signature.toString());
    } catch (IllegalArgumentException e) {
      return false;
    }
    Map<JWSAlgorithm, Signature> mine = signatures.get();
    Signature verifier = mine.get(alg);
    if (verifier == null) {
      verifier = RSASSA.getSignerAndVerifier(alg, getJCAContext().getProvider());
      try {
        verifier.initVerify(publicKey);
      } catch (InvalidKeyException e) {
        throw new JOSEException("invalid public RSA key: " + e.getMessage(), e);
      }
      mine.put(alg, verifier);
    }
    try {
      verifier.update(signingInput);
      return verifier.verify(sig);
    } catch (java.security.SignatureException | RuntimeException e) {
      // State unknown after a failure: start from a fresh Signature next time.
      mine.remove(alg);
      return false;
    }
  }
}
