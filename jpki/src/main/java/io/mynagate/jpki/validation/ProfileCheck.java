package io.mynagate.jpki.validation;

import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;

/**
 * The JPKI end-entity profile ({@code shared/jpki-reference.md} section 2): RSA-2048 key, and key usage
 * digitalSignature only (利用者証明用, authentication) or digitalSignature + nonRepudiation (署名用,
 * signature); never a CA key usage. {@link RequiredProfile#ANY} checks nothing here.
 */
final class ProfileCheck {
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;
    private static final int KEY_CERT_SIGN = 5;
    private static final int CRL_SIGN = 6;

    private final RequiredProfile profile;

    ProfileCheck(RequiredProfile profile) {
        this.profile = profile;
    }

    /** @return the failure, or {@code null} when the certificate fits the profile */
    ValidationResult check(X509Certificate certificate) {
        if (profile == RequiredProfile.ANY) {
            return null;
        }
        ValidationResult failure = keyType(certificate);
        return failure != null ? failure : keyUsage(certificate);
    }

    private static ValidationResult keyType(X509Certificate certificate) {
        if (!(certificate.getPublicKey() instanceof RSAPublicKey)) {
            return ValidationResult.invalid(ValidationResult.Reason.WRONG_KEY_TYPE,
                    "JPKI certificates carry an RSA-2048 key, not " + certificate.getPublicKey().getAlgorithm(), null);
        }
        int bits = ((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength();
        if (bits != 2048) {
            return ValidationResult.invalid(ValidationResult.Reason.WRONG_KEY_TYPE,
                    "JPKI certificates carry an RSA-2048 key, not RSA-" + bits, null);
        }
        return null;
    }

    private ValidationResult keyUsage(X509Certificate certificate) {
        boolean[] usage = certificate.getKeyUsage();
        if (usage == null) {
            return wrongUsage("no key usage extension");
        }
        if (bit(usage, KEY_CERT_SIGN) || bit(usage, CRL_SIGN) || certificate.getBasicConstraints() >= 0) {
            return wrongUsage("a CA certificate is not an end-entity certificate");
        }
        if (!bit(usage, DIGITAL_SIGNATURE)) {
            return wrongUsage("key usage lacks digitalSignature");
        }
        boolean nonRepudiation = bit(usage, NON_REPUDIATION);
        if (profile == RequiredProfile.AUTHENTICATION && nonRepudiation) {
            return wrongUsage("a signature certificate (nonRepudiation) where an authentication certificate is required");
        }
        if (profile == RequiredProfile.SIGNATURE && !nonRepudiation) {
            return wrongUsage("an authentication certificate where a signature certificate (nonRepudiation) is required");
        }
        return null;
    }

    private static boolean bit(boolean[] usage, int index) {
        return usage.length > index && usage[index];
    }

    private static ValidationResult wrongUsage(String message) {
        return ValidationResult.invalid(ValidationResult.Reason.WRONG_KEY_USAGE, message, null);
    }
}
