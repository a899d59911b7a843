package io.mynagate.jpki;

/**
 * The one vocabulary of outcomes of {@code jpki}: every {@link JpkiException} and every
 * {@link io.mynagate.jpki.validation.ValidationResult} carries one of these, so a caller (the Keycloak
 * extension, the card bridge, the CLI) maps every failure in one {@code switch}.
 *
 * <p>{@link #code()} is stable: it goes into events, logs and pages' message keys and never changes
 * meaning. New values may be added; existing ones are never renamed.
 *
 * <p>{@link #kind()} keeps rejected input apart from a dependency that did not answer (as Nimbus keeps
 * {@code BadJOSEException} apart from {@code JOSEException}): a {@link Kind#REJECTED} input stays
 * refused however often it is retried; an {@link Kind#UNAVAILABLE} outcome may succeed later.
 */
public enum Reason {
    /** Accepted: the certificate validated (used by {@code ValidationResult} only). */
    VALID(Kind.ACCEPTED),

    // ---- card assertion (docs/architecture.md "Card assertion") ----
    /** Not a compact JWS, or its header or payload is not the assertion format. */
    MALFORMED_ASSERTION(Kind.REJECTED),
    /** Larger than the assertion size limit; refused before parsing. */
    OVERSIZED_ASSERTION(Kind.REJECTED),
    /** The JOSE {@code typ} is not the expected one. */
    WRONG_TYPE(Kind.REJECTED),
    /** The JOSE {@code alg} is not on the allowlist ({@code none}, HMAC, or an unexpected one). */
    DISALLOWED_ALGORITHM(Kind.REJECTED),
    /** A header that would let the input pick its own key ({@code jku}, {@code x5u}, {@code jwk}, ...) or is critical. */
    DISALLOWED_HEADER(Kind.REJECTED),
    /** The {@code x5c} header is missing, has more than one certificate, or does not parse. */
    CERTIFICATE_HEADER(Kind.REJECTED),
    /** The signing key is not RSA-2048 or stronger. */
    WEAK_KEY(Kind.REJECTED),
    /** The signature does not verify. Never says which part was wrong. */
    INVALID_SIGNATURE(Kind.REJECTED),
    /** The nonce is not the one this login step issued. */
    NONCE_MISMATCH(Kind.REJECTED),
    /** The audience is not this identity provider's issuer. */
    AUDIENCE_MISMATCH(Kind.REJECTED),
    /** {@code iat} outside the allowed window around now. */
    ISSUED_AT_OUT_OF_RANGE(Kind.REJECTED),
    /** The assertion's purpose is not the one this step expects. */
    PURPOSE_MISMATCH(Kind.REJECTED),
    /** {@code auth} signed with a signature certificate, or {@code share} with an authentication one. */
    CERTIFICATE_KIND_MISMATCH(Kind.REJECTED),
    /** The {@code share} fields are missing or malformed, or present in an {@code auth} assertion. */
    SHARE_FIELDS(Kind.REJECTED),
    /** A claim was approved that the relying party did not request. */
    CLAIM_NOT_REQUESTED(Kind.REJECTED),
    /** The {@code client_id} of a {@code share} assertion is not the requesting client. */
    CLIENT_ID_MISMATCH(Kind.REJECTED),
    /** The signer could not produce a signature (card or key failure while signing). */
    SIGNING_FAILED(Kind.UNAVAILABLE),

    // ---- hand-off request (docs/architecture.md "Login, step by step", steps 2-3) ----
    /** Not a compact JWS or not the hand-off request format. */
    MALFORMED_REQUEST(Kind.REJECTED),
    /** Larger than the request size limit; refused before parsing. */
    OVERSIZED_REQUEST(Kind.REJECTED),
    /** Not signed ({@code alg} {@code none} or no signature). */
    UNSIGNED_REQUEST(Kind.REJECTED),
    /** The issuer is not on the allowlist. */
    ISSUER_NOT_ALLOWED(Kind.REJECTED),
    /** No signing key with that {@code kid} (and {@code use=sig}) in the issuer's key set. */
    UNKNOWN_KEY(Kind.REJECTED),
    /** The request's {@code aud} is not the card bridge (e.g. another token of the realm replayed as a hand-off). */
    REQUEST_AUDIENCE(Kind.REJECTED),
    /** The request's {@code exp} has passed. */
    REQUEST_EXPIRED(Kind.REJECTED),
    /** The request's lifetime ({@code exp - iat}) is longer than allowed, or {@code iat} is in the future. */
    REQUEST_LIFETIME(Kind.REJECTED),
    /** The request's {@code jti} was already used. */
    REQUEST_REPLAYED(Kind.REJECTED),
    /** The return URI is not on the issuer's origin. */
    RETURN_URI_FOREIGN(Kind.REJECTED),
    /** A requested claim is not in the claim vocabulary. */
    UNKNOWN_CLAIM(Kind.REJECTED),
    /** The issuer's key set could not be fetched or parsed. */
    KEY_SET_UNAVAILABLE(Kind.UNAVAILABLE),

    // ---- certificate profile ----
    /** Not a JPKI end-entity certificate. */
    UNRECOGNIZED_CERTIFICATE(Kind.REJECTED),
    /** A signature certificate lacks one of the four basic attributes. */
    MISSING_ATTRIBUTE(Kind.REJECTED),
    /** A basic attribute does not parse. */
    MALFORMED_ATTRIBUTE(Kind.REJECTED),
    /** Basic attributes were asked of a certificate that is not a signature certificate. */
    NOT_SIGNATURE_CERTIFICATE(Kind.REJECTED),

    // ---- certificate validation (RFC 5280) ----
    /** The input is not a usable certificate (e.g. unparsable extension). */
    MALFORMED_CERTIFICATE(Kind.REJECTED),
    /** The end-entity key is not RSA with a 2048-bit modulus (JPKI profiles only). */
    WRONG_KEY_TYPE(Kind.REJECTED),
    /** Not the required JPKI certificate kind, or key usage, policies and attributes contradict each other. */
    PROFILE_MISMATCH(Kind.REJECTED),
    /** A certificate of the path is expired at the validation time. */
    EXPIRED(Kind.REJECTED),
    /** A certificate of the path is not yet valid at the validation time. */
    NOT_YET_VALID(Kind.REJECTED),
    /** No issuer among the intermediates and trust anchors matches by name, key identifier and signature. */
    NO_TRUSTED_PATH(Kind.REJECTED),
    /** The path ends at an {@code O=JPKI-TEST} root and test roots are not allowed. */
    TEST_ROOT_REFUSED(Kind.REJECTED),
    /** RFC 5280 path validation failed otherwise (signature, basic constraints, CA key usage, policy). */
    INVALID_PATH(Kind.REJECTED),
    /** A certificate of the path is revoked. */
    REVOKED(Kind.REJECTED),
    /** The revocation source does not know a certificate of the path (OCSP {@code unknown}). */
    REVOCATION_UNKNOWN(Kind.REJECTED),
    /** No authenticated, current revocation answer (responder down, stale or unprocessable CRL, bad response). */
    REVOCATION_UNAVAILABLE(Kind.UNAVAILABLE),

    // ---- card (ISO 7816-4 status words, JPKI application) ----
    /** No PC/SC reader is attached, or the named reader does not exist. */
    NO_READER(Kind.UNAVAILABLE),
    /** The reader holds no card, or none arrived before the timeout. */
    NO_CARD(Kind.UNAVAILABLE),
    /** The card is not a JPKI card (SELECT of the JPKI application refused). */
    NOT_JPKI_CARD(Kind.REJECTED),
    /** The token carries no signature certificate (e.g. a smartphone token without one). */
    NO_SIGNATURE_CERTIFICATE(Kind.REJECTED),
    /** The PIN or password does not have the required format; refused without using the card. */
    PIN_FORMAT(Kind.REJECTED),
    /** Wrong PIN or password; the card decremented its retry counter. */
    WRONG_PIN(Kind.REJECTED),
    /** The PIN or password is blocked; reset at a municipal office. */
    PIN_BLOCKED(Kind.REJECTED),
    /** The card refused an operation that needs a verified PIN. */
    SECURITY_STATUS_NOT_SATISFIED(Kind.REJECTED),
    /**
     * The PIN has one try left and the resident did not confirm using it; refused before any VERIFY, so
     * no try was spent (the card bridge's page).
     */
    LAST_TRY_NOT_CONFIRMED(Kind.REJECTED),
    /** The card answered a status word the protocol does not expect. */
    UNEXPECTED_STATUS_WORD(Kind.REJECTED),
    /** Data read from the card does not parse. */
    MALFORMED_CARD_DATA(Kind.REJECTED),
    /** The card was removed or the connection closed during the operation. */
    CARD_REMOVED(Kind.UNAVAILABLE),
    /** The reader or the PC/SC service failed. */
    CARD_COMMUNICATION(Kind.UNAVAILABLE);

    /** Whether an outcome is an accept, a refusal of the input, or a dependency that did not answer. */
    public enum Kind {
        /** The input was accepted. */
        ACCEPTED,
        /** The input is refused; retrying the same input gives the same answer. */
        REJECTED,
        /** A dependency (card, reader, responder, key set, signer) did not answer; fail closed, retry later. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;

    Reason(Kind kind) {
        this.kind = kind;
        this.code = name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @return whether this is an accept, a rejection of the input or an unavailable dependency */
    public Kind kind() {
        return kind;
    }

    /** @return the stable lower-case code, e.g. {@code nonce_mismatch}, for events, logs and message keys */
    public String code() {
        return code;
    }

    /** @return whether the input is refused (as opposed to accepted, or a dependency down) */
    public boolean isRejection() {
        return kind == Kind.REJECTED;
    }
}
