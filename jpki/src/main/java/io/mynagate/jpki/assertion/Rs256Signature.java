package io.mynagate.jpki.assertion;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import java.security.interfaces.RSAPublicKey;

/**
 * The RS256 signature check of card assertions (RFC 7518 section 3.3: RSASSA-PKCS1-v1_5 with
 * SHA-256), through Nimbus's {@link RSASSAVerifier}. One place, so that the published test vectors
 * (Wycheproof) exercise exactly what the verifier runs.
 */
final class Rs256Signature {
    private static final JWSHeader RS256 = new JWSHeader(JWSAlgorithm.RS256);

    private Rs256Signature() {}

    /**
     * @param key the signer's public key
     * @param signingInput the bytes that were signed (for a JWS: ASCII of header "." payload)
     * @param signature the signature bytes
     * @return whether the signature is valid; false for anything malformed, never an exception
     */
    static boolean verifies(RSAPublicKey key, byte[] signingInput, byte[] signature) {
        try {
            return new RSASSAVerifier(key).verify(RS256, signingInput, Base64URL.encode(signature));
        } catch (JOSEException | RuntimeException e) {
            return false;
        }
    }
}
