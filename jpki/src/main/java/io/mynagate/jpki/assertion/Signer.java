package io.mynagate.jpki.assertion;

import io.mynagate.jpki.JpkiException;

/**
 * Signs a DER {@code DigestInfo} with RSASSA-PKCS1-v1_5, as the JPKI card's COMPUTE DIGITAL
 * SIGNATURE does: the signer applies the PKCS#1 v1.5 padding to the given DigestInfo and returns
 * the raw RSA signature. Over a SHA-256 DigestInfo this is exactly JOSE {@code RS256}.
 *
 * <p>Implementations: the card ({@code JpkiCardClient.signer(...)}) and, in tests, a software key.
 */
@FunctionalInterface
public interface Signer {
    /**
     * @param sha256DigestInfo the 51-byte DER DigestInfo of a SHA-256 hash
     *     ({@code JpkiFiles.sha256DigestInfoPrefix()} followed by the 32-byte hash)
     * @return the signature, as long as the RSA modulus (256 bytes for RSA-2048)
     * @throws JpkiException when the signer refuses (wrong PIN, card removed, ...)
     */
    byte[] sign(byte[] sha256DigestInfo) throws JpkiException;
}
