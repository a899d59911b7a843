package io.mynagate.gateway.jwks;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReusedSignatureRsaVerifierTest {
  private static RSAKey key;
  private static RSAKey otherKey;

  @BeforeAll
  static void keys() throws JOSEException {
    key = new RSAKeyGenerator(2048).keyID("k").generate();
    otherKey = new RSAKeyGenerator(2048).keyID("k").generate();
  }

  private static JWSObject signed(JWSAlgorithm alg, String payload, RSAKey with)
      throws JOSEException {
    JWSObject jws = new JWSObject(new JWSHeader.Builder(alg).keyID("k").build(),
        new Payload(payload));
    jws.sign(new RSASSASigner(with));
    return jws;
  }

  private static boolean verify(ReusedSignatureRsaVerifier verifier, String compact)
      throws ParseException, JOSEException {
    return JWSObject.parse(compact).verify(verifier);
  }

  private static ReusedSignatureRsaVerifier verifier() throws JOSEException {
    return new ReusedSignatureRsaVerifier(key.toRSAPublicKey());
  }

  @Test
  void acceptsEveryRsaAlgorithmRepeatedly() throws Exception {
    ReusedSignatureRsaVerifier verifier = verifier();
    for (JWSAlgorithm alg : List.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.RS512,
        JWSAlgorithm.PS384)) {
      for (int i = 0; i < 3; i++) {
        assertThat(verify(verifier, signed(alg, "{\"n\":" + i + "}", key).serialize()))
            .as("%s #%d", alg, i).isTrue();
      }
    }
  }

  @Test
  void refusesTamperedPayloadThenStillAcceptsValidTokens() throws Exception {
    ReusedSignatureRsaVerifier verifier = verifier();
    String[] parts = signed(JWSAlgorithm.RS256, "{\"a\":1}", key).serialize().split("\\.");
    String tampered = parts[0] + "." + Base64URL.encode("{\"a\":2}") + "." + parts[2];
    assertThat(verify(verifier, tampered)).isFalse();
    assertThat(verify(verifier, signed(JWSAlgorithm.RS256, "{\"a\":1}", key).serialize()))
        .isTrue();
  }

  @Test
  void refusesSignatureOfAnotherKey() throws Exception {
    assertThat(verify(verifier(), signed(JWSAlgorithm.PS256, "{}", otherKey).serialize()))
        .isFalse();
  }

  @Test
  void refusesPs256SignatureUnderRs256Header() throws Exception {
    String[] ps = signed(JWSAlgorithm.PS256, "{}", key).serialize().split("\\.");
    String[] rs = signed(JWSAlgorithm.RS256, "{}", key).serialize().split("\\.");
    assertThat(verify(verifier(), rs[0] + "." + rs[1] + "." + ps[2])).isFalse();
  }

  @Test
  void refusesSignatureWithCharactersOutsideBase64Url() throws Exception {
    ReusedSignatureRsaVerifier verifier = verifier();
    JWSObject jws = signed(JWSAlgorithm.RS256, "{}", key);
    String sig = jws.getSignature().toString();
    Base64URL withPlus = new Base64URL(sig.substring(0, 10) + "+" + sig.substring(10));
    assertThat(verifier.verify(jws.getHeader(), jws.getSigningInput(), withPlus)).isFalse();
    assertThat(verifier.verify(jws.getHeader(), jws.getSigningInput(), jws.getSignature()))
        .isTrue();
  }

  @Test
  void refusesAnyCriticalHeader() throws Exception {
    JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256)
        .criticalParams(Set.of("exp")).customParam("exp", 1).build(), new Payload("{}"));
    jws.sign(new RSASSASigner(key));
    assertThat(verifier().verify(jws.getHeader(), jws.getSigningInput(), jws.getSignature()))
        .isFalse();
  }

  @Test
  void refusesNonRsaAlgorithm() throws Exception {
    JWSObject jws = signed(JWSAlgorithm.RS256, "{}", key);
    JWSHeader es = new JWSHeader(JWSAlgorithm.ES256);
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> verifier().verify(es, jws.getSigningInput(), jws.getSignature()))
        .isInstanceOf(JOSEException.class);
  }

  @Test
  void usesTheConfiguredProvider() throws Exception {
    ReusedSignatureRsaVerifier verifier = verifier();
    verifier.getJCAContext().setProvider(new BouncyCastleProvider());
    assertThat(verify(verifier, signed(JWSAlgorithm.PS256, "{}", key).serialize())).isTrue();
    assertThat(verify(verifier, signed(JWSAlgorithm.PS256, "{}", otherKey).serialize())).isFalse();
  }

  @Test
  void verifiesCorrectlyFromManyThreadsAtOnce() throws Exception {
    ReusedSignatureRsaVerifier verifier = verifier();
    String good = signed(JWSAlgorithm.RS256, "{\"ok\":true}", key).serialize();
    String bad = signed(JWSAlgorithm.RS256, "{\"ok\":true}", otherKey).serialize();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        boolean expectValid = i % 2 == 0;
        results.add(pool.submit(() -> verify(verifier, expectValid ? good : bad) == expectValid));
      }
      for (Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
