package io.mynagate.jpki.login;

import io.mynagate.jpki.assertion.Purpose;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one login step expects of the card assertion: the audience (this identity provider's issuer
 * URL), the nonce it issued, the purpose, and for {@code share} the requesting client and the claims it
 * asked for. Immutable.
 */
public final class LoginExpectations {
    private final String audience;
    private final String nonce;
    private final Purpose purpose;
    private final String clientId;
    private final Set<String> requestedClaims;

    private LoginExpectations(String audience, String nonce, Purpose purpose, String clientId,
            Set<String> requestedClaims) {
        if (audience == null || audience.isBlank() || !URI.create(audience).isAbsolute()) {
            throw new IllegalArgumentException("the audience must be the absolute issuer URL");
        }
        if (nonce == null || nonce.isEmpty()) {
            throw new IllegalArgumentException("the nonce is required");
        }
        this.audience = audience;
        this.nonce = nonce;
        this.purpose = purpose;
        this.clientId = clientId;
        this.requestedClaims = requestedClaims;
    }

    /**
     * A login ({@code auth}) with the user-authentication certificate.
     *
     * @param audience the issuer URL the assertion must name as {@code aud}, absolute, not null
     * @param nonce the nonce issued for this step, not null
     * @return the expectations
     * @throws IllegalArgumentException when a value is missing or the audience is not absolute
     */
    public static LoginExpectations auth(String audience, String nonce) {
        return new LoginExpectations(audience, nonce, Purpose.AUTH, null, Set.of());
    }

    /**
     * An attribute release ({@code share}) with the signature certificate.
     *
     * @param audience the issuer URL, absolute, not null
     * @param nonce the nonce issued for this step, not null
     * @param clientId the relying party the claims are for, not blank
     * @param requestedClaims the claim names it asked for, at least one, each from the vocabulary of
     *     {@link ClaimRelease}
     * @return the expectations
     * @throws IllegalArgumentException when a value is missing, or a claim name is not in the vocabulary
     */
    public static LoginExpectations share(String audience, String nonce, String clientId,
            List<String> requestedClaims) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("the client_id is required for share");
        }
        Objects.requireNonNull(requestedClaims, "requestedClaims");
        if (requestedClaims.isEmpty()) {
            throw new IllegalArgumentException("share needs at least one requested claim");
        }
        for (String name : requestedClaims) {
            if (!ClaimRelease.isKnown(name)) {
                throw new IllegalArgumentException("not a claim of the vocabulary: " + name);
            }
        }
        return new LoginExpectations(audience, nonce, Purpose.SHARE, clientId,
                Set.copyOf(new LinkedHashSet<>(requestedClaims)));
    }

    /** @return the expected {@code aud} */
    public String audience() {
        return audience;
    }

    /** @return the nonce issued for this step */
    public String nonce() {
        return nonce;
    }

    /** @return the purpose of this step */
    public Purpose purpose() {
        return purpose;
    }

    /** @return the requesting client for {@code share}; empty for {@code auth} */
    public Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    /** @return the requested claim names; empty for {@code auth} */
    public Set<String> requestedClaims() {
        return requestedClaims;
    }
}
