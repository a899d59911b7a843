package io.mynagate.jpki.handoff;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Objects;

/**
 * Signs a hand-off request with the realm's key, wherever that key lives. Keycloak keeps it in its
 * key manager and signs through it, so this gets only the JWS signing input and returns the signature;
 * the caller declares {@code alg} and {@code kid}, which go into the header.
 *
 * <p>Contract of {@link #sign(byte[])}: the returned bytes are the JWS Signature of RFC 7515 section
 * 5.1 step 5 for {@link #algorithm()}, i.e. for {@code ES256} the 64-byte {@code R || S} of RFC 7518
 * section 3.4, not the DER encoding a JCA {@code Signature} produces. {@link #fromPrivateKey} does the
 * transcoding; Keycloak's ECDSA signer context does it too.
 *
 * <p>Implementations must be safe to call from several threads if one instance is shared.
 */
public interface HandoffSigner {
    /** @return the JWS {@code alg}, one of {@link HandoffRequest#ALGORITHMS} */
    String algorithm();

    /** @return the {@code kid} of the key, as published in the issuer's JWK set; not empty */
    String keyId();

    /**
     * @param signingInput ASCII of {@code BASE64URL(header) || '.' || BASE64URL(payload)}
     * @return the JWS signature bytes for {@link #algorithm()}
     * @throws GeneralSecurityException when the key cannot sign
     */
    byte[] sign(byte[] signingInput) throws GeneralSecurityException;

    /** Just the signing step, for {@link #of(String, String, SignatureFunction)}. */
    @FunctionalInterface
    interface SignatureFunction {
        /**
         * @param signingInput the JWS signing input
         * @return the JWS signature bytes
         * @throws GeneralSecurityException when the key cannot sign
         */
        byte[] sign(byte[] signingInput) throws GeneralSecurityException;
    }

    /**
     * A signer from a declared algorithm and key id and a signing function, e.g.
     * {@code HandoffSigner.of("RS256", key.getKid(), signerContext::sign)}.
     *
     * @throws IllegalArgumentException when {@code algorithm} is not in {@link HandoffRequest#ALGORITHMS}
     *     or {@code keyId} is empty
     */
    static HandoffSigner of(String algorithm, String keyId, SignatureFunction function) {
        Objects.requireNonNull(function, "function");
        String alg = checkedAlgorithm(algorithm);
        String kid = checkedKeyId(keyId);
        return new HandoffSigner() {
            @Override
            public String algorithm() {
                return alg;
            }

            @Override
            public String keyId() {
                return kid;
            }

            @Override
            public byte[] sign(byte[] signingInput) throws GeneralSecurityException {
                return function.sign(signingInput);
            }
        };
    }

    /**
     * A signer on a JCA private key (tests, tools): RSA for {@code RS256}/{@code PS256} (at least 2048
     * bits), EC P-256 for {@code ES256}.
     *
     * @throws IllegalArgumentException when the algorithm is not allowed, the key id is empty, or the
     *     key does not fit the algorithm
     */
    static HandoffSigner fromPrivateKey(PrivateKey key, String algorithm, String keyId) {
        Objects.requireNonNull(key, "key");
        return new JcaHandoffSigner(key, checkedAlgorithm(algorithm), checkedKeyId(keyId));
    }

    private static String checkedAlgorithm(String algorithm) {
        if (!HandoffRequest.ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("alg must be one of " + HandoffRequest.ALGORITHMS);
        }
        return algorithm;
    }

    private static String checkedKeyId(String keyId) {
        if (keyId == null || keyId.isEmpty()) {
            throw new IllegalArgumentException("a kid is required: the bridge selects the key by it");
        }
        return keyId;
    }
}
