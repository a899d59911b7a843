package io.mynagate.jpki.assertion;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;

/**
 * The RS256 signature check of card assertions (RFC 7518 section 3.3: RSASSA-PKCS1-v1_5 with
 * SHA-256): the JCA's {@code SHA256withRSA}, the call Nimbus's {@code RSASSAVerifier} makes, here
 * taking the signature as bytes (Nimbus's verifier wants it base64url-encoded, so every login paid an
 * encode and a decode of it). One place, so that the published test vectors (Wycheproof) exercise
 * exactly what the verifier runs.
 */
final class Rs256Signature {
    private static final String ALGORITHM = "SHA256withRSA";

    private Rs256Signature() {}

    /**
     * @param key the signer's public key
     * @param signingInput the bytes that were signed (for a JWS: ASCII of header "." payload)
     * @param signature the signature bytes
     * @return whether the signature is valid; false for anything malformed, never an exception
     */
    static boolean verifies(RSAPublicKey key, byte[] signingInput, byte[] signature) {
        try {
            Signature rsa = Signature.getInstance(ALGORITHM);
            rsa.initVerify(key);
            rsa.update(signingInput);
            return rsa.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
