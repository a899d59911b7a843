package io.mynagate.jpki.handoff;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.mynagate.jpki.Reason;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

/**
 * Chooses the verification key from the issuer's JWK set (RFC 7517 section 4): the one key with the
 * header's {@code kid}, {@code use} {@code sig} (a realm's set also holds encryption keys, and a key
 * without {@code use} is not known to be a signing key), {@code key_ops} allowing {@code verify} if
 * given, an {@code alg} equal to the header's if given, and the key type the algorithm needs.
 */
final class SigningKeys {
    private static final int MIN_RSA_BITS = 2048;

    private SigningKeys() {}

    static JWSVerifier verifierFor(KeySetSource source, AllowedIssuer issuer, String keyId, JWSAlgorithm alg)
            throws HandoffRequestException {
        JWKSet keys = source.keySet(issuer, keyId);
        if (keys == null) {
            throw new HandoffRequestException(Reason.KEY_SET_UNAVAILABLE, "no key set for the issuer");
        }
        List<JWK> candidates = keys.getKeys().stream().filter(key -> fits(key, keyId, alg)).toList();
        if (candidates.size() != 1) {
            throw new HandoffRequestException(Reason.UNKNOWN_KEY, candidates.isEmpty()
                    ? "no signing key with this kid for " + alg + " in the issuer's key set"
                    : "more than one signing key with this kid in the issuer's key set");
        }
        return verifier(candidates.get(0));
    }

    private static boolean fits(JWK key, String keyId, JWSAlgorithm alg) {
        return keyId.equals(key.getKeyID())
                && KeyUse.SIGNATURE.equals(key.getKeyUse())
                && (key.getKeyOperations() == null || key.getKeyOperations().contains(KeyOperation.VERIFY))
                && (key.getAlgorithm() == null || alg.equals(key.getAlgorithm()))
                && typeFits(key, alg);
    }

    private static boolean typeFits(JWK key, JWSAlgorithm alg) {
        if (alg.equals(JWSAlgorithm.ES256)) {
            return key instanceof ECKey && Curve.P_256.equals(((ECKey) key).getCurve());
        }
        return key instanceof RSAKey;
    }

    private static JWSVerifier verifier(JWK key) throws HandoffRequestException {
        try {
            if (key instanceof ECKey) {
                return new ECDSAVerifier(((ECKey) key).toECPublicKey());
            }
            RSAPublicKey rsa = ((RSAKey) key).toRSAPublicKey();
            if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new HandoffRequestException(Reason.WEAK_KEY, "the issuer's key is shorter than 2048 bits");
            }
            return new RSASSAVerifier(rsa);
        } catch (JOSEException e) {
            throw new HandoffRequestException(Reason.UNKNOWN_KEY, "the issuer's key is not usable", e);
        }
    }
}
