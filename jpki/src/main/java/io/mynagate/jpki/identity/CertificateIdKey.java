package io.mynagate.jpki.identity;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.x500.X500Principal;

/**
 * Computes {@link CertificateId}s under one secret (the identity provider's realm secret).
 *
 * <p>Encoding, fixed forever for version 1 (changing any byte changes every id):
 * <pre>
 *   id = base64url-nopad( HMAC-SHA256( secret,
 *          "myna-certificate-id/v1" || 0x00
 *          || uint32-be(len(issuerDer)) || issuerDer
 *          || uint32-be(len(serial))    || serial ) )
 * </pre>
 * where {@code issuerDer} is the DER encoding of the certificate's issuer Name exactly as it is in the
 * certificate ({@link X500Principal#getEncoded()}), and {@code serial} the serial number as the minimal
 * two's-complement big-endian bytes ({@link BigInteger#toByteArray()}). Issuer and serial together
 * identify a certificate (RFC 5280 section 4.1.2.2); the label separates these MACs from any other
 * use of the same secret, and the length prefixes make the input unambiguous.
 *
 * <p>Immutable and thread-safe. The secret must be at least 32 bytes of random data (256 bits, the
 * HMAC-SHA256 key strength); {@link #toString()} never shows it.
 */
public final class CertificateIdKey {
    /** Smallest accepted secret, in bytes. */
    public static final int MIN_SECRET_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] LABEL = "myna-certificate-id/v1\0".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    /** Keyed once; never used itself, only cloned (a Mac is not thread-safe, its clone is the caller's own). */
    private final Mac keyed;

    private CertificateIdKey(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.keyed = newMac(key);
    }

    /**
     * @param secret at least {@link #MIN_SECRET_BYTES} random bytes; copied
     * @return a key computing ids under {@code secret}
     * @throws IllegalArgumentException when the secret is shorter than 32 bytes
     */
    public static CertificateIdKey of(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the certificate id secret must be at least 32 bytes");
        }
        return new CertificateIdKey(secret.clone());
    }

    /**
     * @param certificate a card certificate, not null
     * @return its id under this key
     */
    public CertificateId idOf(X509Certificate certificate) {
        return idOf(certificate.getIssuerX500Principal(), certificate.getSerialNumber());
    }

    /**
     * The id of the certificate with this issuer and serial, e.g. for a platform operator's renewal list
     * that names certificates by issuer and serial.
     *
     * @param issuer the issuer name, not null
     * @param serial the serial number, not null
     * @return the id under this key
     */
    public CertificateId idOf(X500Principal issuer, BigInteger serial) {
        Mac mac = mac();
        mac.update(LABEL);
        updateWithLength(mac, issuer.getEncoded());
        updateWithLength(mac, serial.toByteArray());
        return CertificateId.of(Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal()));
    }

    /**
     * The renewal link from an old certificate to its successor, both under this key.
     *
     * @param previous the certificate that was renewed, not null
     * @param next the certificate that replaces it, not null
     * @return the link
     */
    public CertificateLink link(X509Certificate previous, X509Certificate next) {
        return new CertificateLink(idOf(previous), idOf(next));
    }

    private static void updateWithLength(Mac mac, byte[] bytes) {
        int n = bytes.length;
        mac.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        mac.update(bytes);
    }

    /** A fresh HMAC under the secret: a copy of the keyed prototype, which skips provider lookup and key setup. */
    private Mac mac() {
        try {
            return (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            return newMac(key);
        }
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "CertificateIdKey[HmacSHA256, secret hidden]";
    }
}
