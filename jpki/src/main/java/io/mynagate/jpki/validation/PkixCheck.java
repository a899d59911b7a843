package io.mynagate.jpki.validation;

import io.mynagate.jpki.Reason;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * RFC 5280 section 6 path validation of the selected path with the JDK's PKIX {@code CertPathValidator},
 * revocation disabled (done afterwards by {@link RevocationStep}).
 */
final class PkixCheck {
    private PkixCheck() {}

    static ValidationResult check(IssuerSelector.Path path, Instant at) {
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path.chain());
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(path.anchor(), null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            // Qualifiers (e.g. a CPS URI) in certificate policies are informational for us.
            parameters.setPolicyQualifiersRejected(false);
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            return null;
        } catch (CertPathValidatorException e) {
            return mapFailure(e, path.chain().size() + 1);
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("PKIX parameters rejected", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PKIX validation unavailable", e);
        }
    }

    private static ValidationResult mapFailure(CertPathValidatorException e, int size) {
        CertPathValidatorException.Reason reason = e.getReason();
        String where = e.getIndex() >= 0 ? ValidityCheck.role(e.getIndex(), size) : "path";
        if (reason == CertPathValidatorException.BasicReason.EXPIRED) {
            return ValidationResult.invalid(Reason.EXPIRED, where + " expired", null);
        }
        if (reason == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return ValidationResult.invalid(Reason.NOT_YET_VALID, where + " not yet valid", null);
        }
        return ValidationResult.invalid(Reason.INVALID_PATH,
                "RFC 5280 path validation failed at " + where + ": " + reason, null);
    }
}
