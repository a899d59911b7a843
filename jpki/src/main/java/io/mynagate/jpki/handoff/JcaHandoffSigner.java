package io.mynagate.jpki.handoff;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SignatureException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;

/** {@link HandoffSigner} on a JCA key through Nimbus's signers, which also produce ES256's R||S form. */
final class JcaHandoffSigner implements HandoffSigner {
    private final JWSSigner signer;
    private final JWSHeader header;
    private final String algorithm;
    private final String keyId;

    JcaHandoffSigner(PrivateKey key, String algorithm, String keyId) {
        this.algorithm = algorithm;
        this.keyId = keyId;
        this.header = new JWSHeader(JWSAlgorithm.parse(algorithm));
        this.signer = signerFor(key, algorithm);
    }

    private static JWSSigner signerFor(PrivateKey key, String algorithm) {
        if (algorithm.equals(HandoffRequest.ES256)) {
            if (!(key instanceof ECPrivateKey) || !Curve.P_256.equals(Curve.forECParameterSpec(((ECPrivateKey) key).getParams()))) {
                throw new IllegalArgumentException("ES256 needs an EC P-256 private key");
            }
            try {
                return new ECDSASigner((ECPrivateKey) key);
            } catch (JOSEException e) {
                throw new IllegalArgumentException("unusable EC key", e);
            }
        }
        if (!(key instanceof RSAPrivateKey) && !"RSA".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException(algorithm + " needs an RSA private key");
        }
        if (key instanceof RSAPrivateKey && ((RSAPrivateKey) key).getModulus().bitLength() < 2048) {
            throw new IllegalArgumentException(algorithm + " needs an RSA key of at least 2048 bits");
        }
        return new RSASSASigner(key);
    }

    @Override
    public String algorithm() {
        return algorithm;
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public byte[] sign(byte[] signingInput) throws GeneralSecurityException {
        try {
            return signer.sign(header, signingInput).decode();
        } catch (JOSEException e) {
            throw new SignatureException("the key could not sign", e);
        }
    }
}
