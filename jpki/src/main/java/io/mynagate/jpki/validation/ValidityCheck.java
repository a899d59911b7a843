package io.mynagate.jpki.validation;

import io.mynagate.jpki.Reason;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Validity periods at the validation time (RFC 5280 section 6.1.3 (a)(2)), including the trust anchor:
 * an expired JPKI root generation must not anchor new validations.
 */
final class ValidityCheck {
    private ValidityCheck() {}

    /** @return the first failure along {@code chain} (index 0 = end entity), or {@code null} */
    static ValidationResult check(List<X509Certificate> chain, Instant at) {
        Date date = Date.from(at);
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            try {
                certificate.checkValidity(date);
            } catch (CertificateExpiredException e) {
                return ValidationResult.invalid(Reason.EXPIRED,
                        role(i, chain.size()) + " expired at " + certificate.getNotAfter().toInstant(), null);
            } catch (CertificateNotYetValidException e) {
                return ValidationResult.invalid(Reason.NOT_YET_VALID,
                        role(i, chain.size()) + " is valid only from " + certificate.getNotBefore().toInstant(), null);
            }
        }
        return null;
    }

    static String role(int index, int size) {
        if (index == 0) {
            return "end-entity certificate";
        }
        return index == size - 1 ? "trust anchor" : "intermediate certificate " + index;
    }
}
