package io.mynagate.jpki.handoff;

import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.mynagate.jpki.testing.TestPki;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Keycloak-like realm for the tests: its issuer, and a JWK set with an RS256, a PS256 and an ES256
 * signing key, two encryption keys ({@code use=enc}, with and without {@code alg} RSA-OAEP-256), and
 * a key without {@code use}.
 */
final class Realm {
    static final String ISSUER = "https://idp.example.jp/realms/myna";
    static final URI JWKS_URI = URI.create(ISSUER + "/protocol/openid-connect/certs");
    static final String RETURN_URI = ISSUER + "/login-actions/card-return?session_code=abc";
    /** 32 bytes, base64url: the 256-bit challenge. */
    static final String NONCE = "q5kPDNPhvLNiNVlQRZFGrJgYsbSP5Wj4jpMYtJCAhSc";
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    static final String RS_KID = "rs256-key";
    static final String PS_KID = "ps256-key";
    static final String EC_KID = "es256-key";
    static final String ENC_KID = "enc-key";
    /** An encryption key as Keycloak publishes one: use=enc and alg RSA-OAEP-256. */
    static final String OAEP_KID = "rsa-oaep-key";
    static final String NO_USE_KID = "no-use-key";

    static final KeyPair RSA = TestPki.sharedKeyPair("handoff-realm");
    /** The realm's encryption key pair, and for forgeries "some other RSA key". */
    static final KeyPair OTHER_RSA = TestPki.sharedKeyPair("handoff-other");
    static final KeyPair EC = ecKeyPair();

    private Realm() {}

    static JWKSet keySet() {
        return new JWKSet(keys());
    }

    static List<JWK> keys() {
        List<JWK> keys = new ArrayList<>();
        keys.add(rsa(RSA, RS_KID, KeyUse.SIGNATURE, JWSAlgorithm.RS256));
        keys.add(rsa(RSA, PS_KID, KeyUse.SIGNATURE, JWSAlgorithm.PS256));
        keys.add(new ECKey.Builder(Curve.P_256, (ECPublicKey) EC.getPublic())
                .keyID(EC_KID).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).build());
        // No alg on the encryption key (RFC 7517 section 4.4 makes it optional), so that only use=enc tells it apart.
        keys.add(new RSAKey.Builder((RSAPublicKey) OTHER_RSA.getPublic()).keyID(ENC_KID).keyUse(KeyUse.ENCRYPTION).build());
        keys.add(new RSAKey.Builder((RSAPublicKey) OTHER_RSA.getPublic())
                .keyID(OAEP_KID).keyUse(KeyUse.ENCRYPTION).algorithm(JWEAlgorithm.RSA_OAEP_256).build());
        keys.add(new RSAKey.Builder((RSAPublicKey) OTHER_RSA.getPublic()).keyID(NO_USE_KID).build());
        return keys;
    }

    static RSAKey rsa(KeyPair pair, String kid, KeyUse use, JWSAlgorithm alg) {
        return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID(kid).keyUse(use).algorithm(alg).build();
    }

    static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key set source over fixed keys that counts its calls. */
    static final class CountingSource implements KeySetSource {
        final AtomicInteger calls = new AtomicInteger();
        private final JWKSet keys;

        CountingSource(JWKSet keys) {
            this.keys = keys;
        }

        @Override
        public JWKSet keySet(AllowedIssuer issuer, String keyId) {
            calls.incrementAndGet();
            return keys;
        }
    }
}
