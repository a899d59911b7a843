package io.mynagate.gateway.jwks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.mynagate.gateway.config.GatewayConfig.CryptoProvider;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VerificationProvidersTest {
  private static RSAKey rsa;
  private static ECKey ec;

  @BeforeAll
  static void keys() throws Exception {
    rsa = new RSAKeyGenerator(2048).generate();
    ec = new ECKeyGenerator(Curve.P_256).generate();
  }

  @Test
  void autoVerifiesEveryKeyTypeWithTheNativeProviderWhereItLoads() throws Exception {
    // The build and CI machines are Linux x86-64, the platform the ACCP jar carries a library for.
    VerificationProviders auto = VerificationProviders.of(CryptoProvider.AUTO);
    assertThat(auto.nameFor(rsa)).isEqualTo("AmazonCorrettoCryptoProvider");
    assertThat(auto.nameFor(ec)).isEqualTo("AmazonCorrettoCryptoProvider");
    JWSVerifier ecVerifier = auto.configure(new ECDSAVerifier(ec.toECPublicKey()), ec);
    assertThat(ecVerifier.getJCAContext().getProvider().getName())
        .isEqualTo("AmazonCorrettoCryptoProvider");
  }

  @Test
  void autoFallsBackToTheJdkForRsaAndBouncyCastleForEcWithoutTheNativeProvider() throws Exception {
    VerificationProviders auto = VerificationProviders.of(CryptoProvider.AUTO, Optional::empty);
    assertThat(auto.nameFor(rsa)).isEqualTo("JDK");
    assertThat(auto.nameFor(ec)).isEqualTo("BC");
    JWSVerifier rsaVerifier = auto.configure(new RSASSAVerifier(rsa.toRSAPublicKey()), rsa);
    assertThat(rsaVerifier.getJCAContext().getProvider()).isNull();
  }

  @Test
  void accpChosenExplicitlyRefusesToStartWithoutItsNativeLibrary() {
    assertThatThrownBy(() -> VerificationProviders.of(CryptoProvider.ACCP, Optional::empty))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ACCP");
  }

  @Test
  void jdkVerifiesRsaKeysWithTheJdkAndEcKeysWithBouncyCastleNotSunEc() {
    // SunEC refuses valid ES256 signatures whose R has x >= n (WycheproofTest).
    VerificationProviders jdk = VerificationProviders.of(CryptoProvider.JDK);
    assertThat(jdk.nameFor(rsa)).isEqualTo("JDK");
    assertThat(jdk.nameFor(ec)).isEqualTo("BC");
  }

  @Test
  void bcAppliesToEveryKeyType() {
    VerificationProviders bc = VerificationProviders.of(CryptoProvider.BC);
    assertThat(bc.nameFor(rsa)).isEqualTo("BC");
    assertThat(bc.nameFor(ec)).isEqualTo("BC");
  }

  @ParameterizedTest
  @EnumSource(CryptoProvider.class)
  void everyProviderAcceptsValidAndRejectsTamperedSignaturesOfEveryAlgorithm(
      CryptoProvider choice) throws Exception {
    VerificationProviders providers = VerificationProviders.of(choice);
    for (JWSAlgorithm alg : new JWSAlgorithm[] {
        JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256}) {
      JWK key = alg == JWSAlgorithm.ES256 ? ec : rsa;
      JWSSigner signer = key instanceof ECKey ? new ECDSASigner(ec) : new RSASSASigner(rsa);
      JWSVerifier verifier = providers.configure(key instanceof ECKey
          ? new ECDSAVerifier(ec.toECPublicKey()) : new RSASSAVerifier(rsa.toRSAPublicKey()), key);
      JWSObject jws = new JWSObject(new JWSHeader(alg), new Payload("{\"a\":1}"));
      jws.sign(signer);
      assertThat(jws.verify(verifier)).as("%s %s valid", choice, alg).isTrue();
      String[] parts = jws.serialize().split("\\.");
      JWSObject tampered = JWSObject.parse(parts[0] + "." + new Payload("{\"a\":2}").toBase64URL()
          + "." + parts[2]);
      assertThat(tampered.verify(verifier)).as("%s %s tampered", choice, alg).isFalse();
    }
  }
}
