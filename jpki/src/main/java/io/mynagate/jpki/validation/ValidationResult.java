package io.mynagate.jpki.validation;

import io.mynagate.jpki.Reason;

import io.mynagate.jpki.Reason;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link CertificateValidator#validate}: valid or not, why, and the revocation evidence
 * that decided (when revocation was checked). Immutable.
 *
 * <p>Only the validator makes these (the factories are package-private), so a caller holding a valid
 * result knows it came from a {@link CertificateValidator}, not from code that built one to pass a check.
 */
public final class ValidationResult {

    private final Reason reason;
    private final String message;
    private final RevocationEvidence evidence;

    private ValidationResult(Reason reason, String message, RevocationEvidence evidence) {
        this.reason = Objects.requireNonNull(reason, "reason");
        this.message = Objects.requireNonNull(message, "message");
        this.evidence = evidence;
    }

    /**
     * A valid result.
     *
     * @param message what was checked, never {@code null}
     * @param evidence the revocation evidence of the end-entity certificate, or {@code null} when
     *     revocation was not checked
     * @return the result
     */
    static ValidationResult valid(String message, RevocationEvidence evidence) {
        return new ValidationResult(Reason.VALID, message, evidence);
    }

    /**
     * An invalid result.
     *
     * @param reason why, must not be {@link Reason#VALID}
     * @param message details without personal data, never {@code null}
     * @param evidence the revocation evidence that decided, or {@code null}
     * @return the result
     */
    static ValidationResult invalid(Reason reason, String message, RevocationEvidence evidence) {
        if (reason == Reason.VALID) {
            throw new IllegalArgumentException("an invalid result needs a rejection reason");
        }
        return new ValidationResult(reason, message, evidence);
    }

    /** @return whether the certificate is valid */
    public boolean isValid() {
        return reason == Reason.VALID;
    }

    /** @return why, never {@code null} */
    public Reason reason() {
        return reason;
    }

    /** @return a human-readable explanation without personal data, never {@code null} */
    public String message() {
        return message;
    }

    /** @return the revocation evidence that decided, empty when revocation was not checked or not reached */
    public Optional<RevocationEvidence> evidence() {
        return Optional.ofNullable(evidence);
    }

    /**
     * For callers that prefer exceptions.
     *
     * @return this result when valid
     * @throws CertificateValidationException the subclass matching {@link #reason()} when invalid
     */
    public ValidationResult orThrow() throws CertificateValidationException {
        if (isValid()) {
            return this;
        }
        throw CertificateValidationException.of(this);
    }

    @Override
    public String toString() {
        return reason + ": " + message + (evidence == null ? "" : " [" + evidence.describe() + "]");
    }
}
