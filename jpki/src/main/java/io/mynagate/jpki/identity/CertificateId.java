package io.mynagate.jpki.identity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The keyed id of one card certificate: {@code HMAC-SHA256(secret, encoding(issuer, serial))} as
 * {@link CertificateIdKey} computes it, written as unpadded base64url (43 characters).
 *
 * <p>Stable: the same certificate under the same secret always has the same id, so an identity
 * provider finds its user by it. Unlinkable: without the secret, the id cannot be computed from the
 * certificate and cannot be joined with another system's records (the serial number is what J-LIS and
 * relying parties see; this is not). Carries no personal data; safe for logs, events and tables.
 * Immutable value type.
 */
public final class CertificateId {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final String value;

    private CertificateId(String value) {
        this.value = value;
    }

    /**
     * Reads an id written by {@link #value()} (e.g. from a user attribute or a linkage import).
     *
     * @param value 43 characters of unpadded base64url, not null
     * @return the id
     * @throws IllegalArgumentException when {@code value} is not of that form
     */
    public static CertificateId parse(String value) {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a certificate id is 43 characters of unpadded base64url");
        }
        return new CertificateId(value);
    }

    /**
     * For {@link CertificateIdKey}, whose encoder writes 43 characters of unpadded base64url by construction
     * (32 bytes of HMAC), so the format check of {@link #parse} is left out.
     */
    static CertificateId of(String encodedMac) {
        return new CertificateId(encodedMac);
    }

    /** @return the id as 43 characters of unpadded base64url */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CertificateId && ((CertificateId) other).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
