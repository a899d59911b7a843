package io.mynagate.gateway.jwks;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.mynagate.gateway.config.GatewayConfig.CryptoProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VerificationProvidersTest {
  private static RSAKey rsa;
  private static ECKey ec;

  @BeforeAll
  static void keys() throws Exception {
    rsa = new RSAKeyGenerator(2048).generate();
    ec = new ECKeyGenerator(Curve.P_256).generate();
  }

  @Test
  void autoVerifiesRsaWithTheJdkAndEcWithBouncyCastle() throws Exception {
    VerificationProviders auto = VerificationProviders.of(CryptoProvider.AUTO);
    assertThat(auto.nameFor(rsa)).isEqualTo("JDK");
    assertThat(auto.nameFor(ec)).isEqualTo("BC");
    JWSVerifier ecVerifier = auto.configure(new ECDSAVerifier(ec.toECPublicKey()), ec);
    assertThat(ecVerifier.getJCAContext().getProvider().getName()).isEqualTo("BC");
    JWSVerifier rsaVerifier = auto.configure(new RSASSAVerifier(rsa.toRSAPublicKey()), rsa);
    assertThat(rsaVerifier.getJCAContext().getProvider()).isNull();
  }

  @Test
  void jdkAndBcApplyToEveryKeyType() {
    assertThat(VerificationProviders.of(CryptoProvider.JDK).nameFor(ec)).isEqualTo("JDK");
    assertThat(VerificationProviders.of(CryptoProvider.BC).nameFor(rsa)).isEqualTo("BC");
  }

  @Test
  void bouncyCastleStillRejectsATamperedEs256Signature() throws Exception {
    JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("{\"a\":1}"));
    jws.sign(new ECDSASigner(ec));
    JWSVerifier verifier = VerificationProviders.of(CryptoProvider.AUTO)
        .configure(new ECDSAVerifier(ec.toECPublicKey()), ec);
    assertThat(jws.verify(verifier)).isTrue();
    String[] parts = jws.serialize().split("\\.");
    JWSObject tampered = JWSObject.parse(parts[0] + "." + new Payload("{\"a\":2}").toBase64URL()
        + "." + parts[2]);
    assertThat(tampered.verify(verifier)).isFalse();
  }
}
