package io.mynagate.jpki.assertion;

import io.mynagate.jpki.JpkiException;

/**
 * Signs a DER {@code DigestInfo} with RSASSA-PKCS1-v1_5, as the JPKI card's COMPUTE DIGITAL
 * SIGNATURE does: the signer applies the PKCS#1 v1.5 padding to the given DigestInfo and returns
 * the raw RSA signature. Over a SHA-256 DigestInfo this is exactly JOSE {@code RS256}.
 *
 * <p>Implementations: the card ({@code io.mynagate.jpki.card.JpkiCardClient.signer(...)}, which
 * depends on this package, never the reverse) and, in tests, a software key.
 */
@FunctionalInterface
public interface Signer {
    /**
     * @param sha256DigestInfo the 51-byte DER DigestInfo of a SHA-256 hash (RFC 8017 section 9.2,
     *     note 1: {@code 30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20} followed by the
     *     32-byte hash)
     * @return the signature, as long as the RSA modulus (256 bytes for RSA-2048)
     * @throws JpkiException when the signer refuses (wrong PIN, card removed, ...)
     */
    byte[] sign(byte[] sha256DigestInfo) throws JpkiException;
}
