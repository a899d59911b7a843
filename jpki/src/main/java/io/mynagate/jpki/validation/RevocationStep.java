package io.mynagate.jpki.validation;

import io.mynagate.jpki.Reason;

import java.lang.System.Logger.Level;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Revocation of every certificate of the path (RFC 5280 section 6.1.3 (a)(3)), end entity first. Fail
 * closed unless {@code failOpen}: then only "no answer" passes (with a warning); revoked and unknown
 * still reject.
 */
final class RevocationStep {
    private static final System.Logger LOG = System.getLogger(RevocationStep.class.getName());

    private final RevocationSource source;
    private final boolean failOpen;

    RevocationStep(RevocationSource source, boolean failOpen) {
        this.source = source;
        this.failOpen = failOpen;
    }

    /**
     * @param path the selected and PKIX-validated path
     * @param supplied the intermediates the caller gave (some may be CRL signers rather than path members)
     */
    ValidationResult check(IssuerSelector.Path path, List<X509Certificate> supplied, Instant at) {
        List<X509Certificate> chain = path.chain();
        ValidatedPath validated = ValidatedPath.of(chain, path.anchor(), supplied);
        RevocationEvidence endEntityEvidence = null;
        boolean skipped = false;
        for (int i = 0; i < chain.size(); i++) {
            String role = ValidityCheck.role(i, chain.size() + 1);
            RevocationStatus status;
            try {
                status = source.check(chain.get(i), validated, at);
            } catch (RevocationCheckException e) {
                if (!failOpen) {
                    return ValidationResult.invalid(Reason.REVOCATION_UNAVAILABLE,
                            "no revocation answer for the " + role + ": " + e.getMessage(), null);
                }
                LOG.log(Level.WARNING, "revocation unavailable for the {0}, accepted (revocationFailOpen)", role);
                skipped = true;
                continue;
            }
            switch (status.state()) {
                case REVOKED:
                    return ValidationResult.invalid(Reason.REVOKED,
                            "the " + role + " is revoked", status.evidence());
                case UNKNOWN:
                    return ValidationResult.invalid(Reason.REVOCATION_UNKNOWN,
                            "the revocation source does not know the " + role, status.evidence());
                default:
                    if (i == 0) {
                        endEntityEvidence = status.evidence();
                    }
            }
        }
        return ValidationResult.valid(skipped
                ? "path and profile valid; revocation UNAVAILABLE and accepted (revocationFailOpen)"
                : "path, profile and revocation valid", endEntityEvidence);
    }
}
