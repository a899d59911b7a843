package io.mynagate.gateway.jwks;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import io.mynagate.gateway.config.GatewayConfig.CryptoProvider;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Project Wycheproof vector in {@code src/test/resources/wycheproof} (see its README: RSA
 * PKCS#1 v1.5 SHA-256, RSA-PSS SHA-256/MGF1-SHA-256/32-byte salt, ECDSA P-256 SHA-256 in the
 * IEEE P1363 form JWS uses) through every signature verifier the gateway makes, as {@link
 * VerificationProviders} makes it, on every provider the {@code crypto} setting can choose (ACCP,
 * JDK, Bouncy Castle; {@code AUTO} is one of these per key type): for issuer keys the hand-written
 * {@link ReusedSignatureRsaVerifier} (RS256, PS256) and Nimbus's {@code ECDSAVerifier} (ES256),
 * for DPoP proof keys Nimbus's {@code RSASSAVerifier} and {@code ECDSAVerifier}.
 *
 * <p>Every {@code valid} vector must verify, every {@code invalid} one must be refused: {@code
 * false} or an exception, both of which the gateway answers as an invalid signature. One verifier
 * per key group serves all of the group's vectors in file order, so a reused {@code Signature}
 * left in a bad state by a refused vector would show on the next valid one.
 *
 * <p>{@code acceptable} vectors: the files hold one, tcId 8 of the PKCS#1 file, a DigestInfo
 * without the NULL parameters (flag {@code MissingNull}). The JDK and Bouncy Castle accept it,
 * ACCP refuses it; the gateway takes the provider's verdict, because Wycheproof rates accepting it
 * a legacy behaviour, not a vulnerability (no forgery follows from it), and the check sits inside
 * the providers' PKCS#1 padding code, which the gateway does not reimplement. So a vector that is
 * {@code acceptable} only for flags in {@link #EITHER_VERDICT_FLAGS} may go either way (its
 * verdicts are printed); any other {@code acceptable} vector a newer file brings must be refused
 * until someone decides otherwise.
 *
 * <p>Found with these vectors: SunEC (Java 17) refused the valid ECDSA tcIds 115 and 257 (R with
 * x &ge; n), so {@code crypto: JDK} verifies EC keys with Bouncy Castle ({@link
 * VerificationProviders}).
 */
class WycheproofTest {
  /** One vector file and the JWS algorithm its vectors are in. */
  private enum Suite {
    RSA_PKCS1("rsa_signature_2048_sha256_test.json", JWSAlgorithm.RS256, "RSA"),
    RSA_PSS("rsa_pss_2048_sha256_mgf1_32_test.json", JWSAlgorithm.PS256, "RSA"),
    ECDSA_P1363("ecdsa_secp256r1_sha256_p1363_test.json", JWSAlgorithm.ES256, "EC");

    final String file;
    final JWSAlgorithm alg;
    final String keyAlgorithm;

    Suite(String file, JWSAlgorithm alg, String keyAlgorithm) {
      this.file = file;
      this.alg = alg;
      this.keyAlgorithm = keyAlgorithm;
    }
  }

  /** Where the gateway verifies with a key, and which verifier class it uses there. */
  private enum Use {
    ISSUER_KEY {
      @Override
      JWSVerifier verifier(VerificationProviders providers, JWK key) throws JOSEException {
        return providers.forIssuerKey(key);
      }

      @Override
      Class<?> expectedClass(JWK key) {
        return key instanceof RSAKey ? ReusedSignatureRsaVerifier.class : ECDSAVerifier.class;
      }
    },
    PROOF_KEY {
      @Override
      JWSVerifier verifier(VerificationProviders providers, JWK key) throws JOSEException {
        return providers.forProofKey(key);
      }

      @Override
      Class<?> expectedClass(JWK key) {
        return key instanceof RSAKey ? RSASSAVerifier.class : ECDSAVerifier.class;
      }
    };

    abstract JWSVerifier verifier(VerificationProviders providers, JWK key) throws JOSEException;

    abstract Class<?> expectedClass(JWK key);
  }

  /** Flags for which an {@code acceptable} vector may be accepted or refused (see above). */
  private static final Set<String> EITHER_VERDICT_FLAGS = Set.of("MissingNull");

  /** The providers {@code crypto} can name; AUTO resolves to ACCP here, else to JDK and BC. */
  private static final List<CryptoProvider> PROVIDERS =
      List.of(CryptoProvider.ACCP, CryptoProvider.JDK, CryptoProvider.BC);

  /** The hand-written RSA verifier first, then Nimbus's RSA verifier, then ECDSA. */
  @TestFactory
  Stream<DynamicTest> everyVectorThroughEveryVerifierOnEveryProvider() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Use use : Use.values()) {
      for (Suite suite : List.of(Suite.RSA_PKCS1, Suite.RSA_PSS)) {
        addTests(tests, suite, use);
      }
    }
    for (Use use : Use.values()) {
      addTests(tests, Suite.ECDSA_P1363, use);
    }
    return tests.stream();
  }

  private static void addTests(List<DynamicTest> tests, Suite suite, Use use) {
    for (CryptoProvider provider : PROVIDERS) {
      tests.add(DynamicTest.dynamicTest(suite.file + " " + use + " " + provider,
          () -> assertVerdicts(suite, use, VerificationProviders.of(provider), provider)));
    }
  }

  private static void assertVerdicts(Suite suite, Use use, VerificationProviders providers,
      CryptoProvider provider) throws Exception {
    JsonObject file = load(suite.file);
    List<String> wrong = new ArrayList<>();
    int valid = 0;
    int invalid = 0;
    int acceptableAccepted = 0;
    int acceptableRefused = 0;
    for (Object g : file.getJsonArray("testGroups")) {
      JsonObject group = (JsonObject) g;
      JWK key = jwk(suite, group.getString("publicKeyDer"));
      JWSVerifier verifier = use.verifier(providers, key);
      assertThat(verifier).isInstanceOf(use.expectedClass(key));
      for (Object t : group.getJsonArray("tests")) {
        JsonObject test = (JsonObject) t;
        boolean accepted = verifies(verifier, suite.alg, hex(test.getString("msg")),
            hex(test.getString("sig")));
        String result = test.getString("result");
        boolean mustAccept;
        switch (result) {
          case "valid" -> {
            valid++;
            mustAccept = true;
          }
          case "invalid" -> {
            invalid++;
            mustAccept = false;
          }
          case "acceptable" -> {
            if (accepted) {
              acceptableAccepted++;
            } else {
              acceptableRefused++;
            }
            if (EITHER_VERDICT_FLAGS.containsAll(flags(test))) {
              continue;
            }
            mustAccept = false;
          }
          default -> throw new AssertionError("unknown result " + result);
        }
        if (accepted != mustAccept) {
          wrong.add("tcId " + test.getInteger("tcId") + " (" + result + ", "
              + test.getString("comment") + ", " + flags(test) + ") was "
              + (accepted ? "accepted" : "refused"));
        }
      }
    }
    int acceptable = acceptableAccepted + acceptableRefused;
    System.out.printf("wycheproof %s %s %s: %d vectors: %d valid, %d invalid, %d acceptable"
            + " (%d accepted, %d refused); %d verdicts wrong%n", suite.file, use, provider,
        valid + invalid + acceptable, valid, invalid, acceptable, acceptableAccepted,
        acceptableRefused, wrong.size());
    assertThat(valid + invalid + acceptable).as("vectors read")
        .isEqualTo(file.getInteger("numberOfTests"));
    assertThat(wrong).as("%s with %s on %s", suite.file, use, provider).isEmpty();
  }

  /** As the gateway decides: {@code true} only if the verifier says so without an exception. */
  private static boolean verifies(JWSVerifier verifier, JWSAlgorithm alg, byte[] message,
      byte[] signature) {
    try {
      return verifier.verify(new JWSHeader(alg), message, Base64URL.encode(signature));
    } catch (JOSEException | RuntimeException e) {
      return false;
    }
  }

  private static JWK jwk(Suite suite, String publicKeyDer) throws Exception {
    PublicKey key = KeyFactory.getInstance(suite.keyAlgorithm)
        .generatePublic(new X509EncodedKeySpec(hex(publicKeyDer)));
    return key instanceof RSAPublicKey
        ? new RSAKey.Builder((RSAPublicKey) key).build()
        : new ECKey.Builder(Curve.P_256, (ECPublicKey) key).build();
  }

  private static JsonObject load(String name) throws IOException {
    try (InputStream in = WycheproofTest.class.getResourceAsStream("/wycheproof/" + name)) {
      assertThat(in).as("resource wycheproof/%s", name).isNotNull();
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  private static List<String> flags(JsonObject test) {
    JsonArray flags = test.getJsonArray("flags");
    List<String> out = new ArrayList<>();
    if (flags != null) {
      flags.forEach(f -> out.add((String) f));
    }
    return out;
  }
}
