package io.mynagate.jpki.validation;

import io.mynagate.jpki.Reason;

import io.mynagate.jpki.profile.CertificateKind;
import io.mynagate.jpki.profile.UnrecognizedCertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;

/**
 * The JPKI end-entity profile ({@code docs/jpki.md} section 2): an RSA-2048 key, then the kind
 * as {@link CertificateKind} classifies it (key usage digitalSignature only for 利用者証明用, plus
 * nonRepudiation for 署名用; policies and attributes must not contradict it; never a CA) must be the
 * required one. {@link RequiredProfile#ANY_SKIPPING_JPKI_PROFILE_CHECKS} checks nothing here (plain RFC 5280).
 */
final class ProfileCheck {
    private final RequiredProfile profile;

    ProfileCheck(RequiredProfile profile) {
        this.profile = profile;
    }

    /** @return the failure, or {@code null} when the certificate fits the profile */
    ValidationResult check(X509Certificate certificate) {
        if (profile == RequiredProfile.ANY_SKIPPING_JPKI_PROFILE_CHECKS) {
            return null;
        }
        ValidationResult failure = keyType(certificate);
        return failure != null ? failure : kind(certificate);
    }

    private static ValidationResult keyType(X509Certificate certificate) {
        if (!(certificate.getPublicKey() instanceof RSAPublicKey)) {
            return ValidationResult.invalid(Reason.WRONG_KEY_TYPE,
                    "JPKI certificates carry an RSA-2048 key, not " + certificate.getPublicKey().getAlgorithm(), null);
        }
        int bits = ((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength();
        if (bits != 2048) {
            return ValidationResult.invalid(Reason.WRONG_KEY_TYPE,
                    "JPKI certificates carry an RSA-2048 key, not RSA-" + bits, null);
        }
        return null;
    }

    private ValidationResult kind(X509Certificate certificate) {
        CertificateKind kind;
        try {
            kind = CertificateKind.of(certificate);
        } catch (UnrecognizedCertificateException e) {
            return mismatch(e.getMessage());
        }
        if (profile == RequiredProfile.AUTHENTICATION && kind != CertificateKind.AUTHENTICATION) {
            return mismatch("a signature certificate (nonRepudiation) where an authentication certificate is required");
        }
        if (profile == RequiredProfile.SIGNATURE && kind != CertificateKind.SIGNATURE) {
            return mismatch("an authentication certificate where a signature certificate (nonRepudiation) is required");
        }
        return null;
    }

    private static ValidationResult mismatch(String message) {
        return ValidationResult.invalid(Reason.PROFILE_MISMATCH, message, null);
    }
}
