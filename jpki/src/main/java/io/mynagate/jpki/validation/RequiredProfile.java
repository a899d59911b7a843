package io.mynagate.jpki.validation;

/**
 * Which JPKI certificate an end-entity certificate must be ({@code docs/jpki.md} section 2).
 *
 * <p>The JPKI profiles tell the two certificates apart by key usage: the user-authentication
 * certificate (利用者証明用電子証明書) has {@code digitalSignature} only, the signature certificate
 * (署名用電子証明書) has {@code digitalSignature} and {@code nonRepudiation}. Both carry an RSA-2048 key.
 */
public enum RequiredProfile {
    /** User-authentication certificate: RSA-2048, key usage digitalSignature without nonRepudiation. */
    AUTHENTICATION,
    /** Signature certificate: RSA-2048, key usage digitalSignature and nonRepudiation. */
    SIGNATURE,
    /**
     * Skips the JPKI profile checks (key type, key usage, the certificate kind): plain RFC 5280 path
     * validation, for general X.509 material. Never for a login: any certificate under the anchors
     * passes. The name says so, and {@link CertificateValidatorBuilder#build()} logs a warning.
     */
    ANY_SKIPPING_JPKI_PROFILE_CHECKS
}
