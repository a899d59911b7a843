package io.mynagate.jpki.handoff;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import io.mynagate.jpki.Reason;
import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.claims.ClaimName;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Makes a hand-off request on the identity provider's side: {@link #build()} gives the value,
 * {@link #sign(HandoffSigner)} the compact JWS to put into the bridge URL.
 *
 * <p>The builder refuses (with {@link IllegalStateException}) to make a request that a
 * {@link HandoffRequestVerifier} would refuse for its form: a nonce under 256 bits, a return URI off
 * the issuer's origin, claims on an {@code auth} request, and so on. Not thread-safe; one builder per
 * request.
 */
public final class HandoffRequestBuilder {
    /** Default {@code exp - iat}: enough to start the bridge and follow the navigation, not to wait. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(2);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int JTI_BYTES = 16;

    private String issuer;
    private String jti;
    private Clock clock = Clock.systemUTC();
    private Duration lifetime = DEFAULT_LIFETIME;
    private String nonce;
    private Purpose purpose;
    private URI returnUri;
    private String clientId;
    private String clientName;
    private List<ClaimName> claims = List.of();

    HandoffRequestBuilder() {}

    /** The realm issuer URL ({@code iss}); required; https, or http on a loopback host. */
    public HandoffRequestBuilder issuer(String value) {
        this.issuer = value;
        return this;
    }

    /** The {@code jti}; default 128 random bits, base64url. Visible ASCII, at most 128 characters. */
    public HandoffRequestBuilder jti(String value) {
        this.jti = value;
        return this;
    }

    /** The clock for {@code iat}; default the system UTC clock. */
    public HandoffRequestBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /** {@code exp - iat}; default {@link #DEFAULT_LIFETIME}, at most {@link HandoffRequest#MAX_LIFETIME}. */
    public HandoffRequestBuilder lifetime(Duration value) {
        this.lifetime = value;
        return this;
    }

    /** The card assertion's challenge; required; base64url of at least 256 bits (43 characters). */
    public HandoffRequestBuilder nonce(String value) {
        this.nonce = value;
        return this;
    }

    /** {@code auth} or {@code share}; required. */
    public HandoffRequestBuilder purpose(Purpose value) {
        this.purpose = value;
        return this;
    }

    /** Where the bridge sends the browser back; required; on the issuer's origin, no fragment. */
    public HandoffRequestBuilder returnUri(URI value) {
        this.returnUri = value;
        return this;
    }

    /** The relying party's OAuth client id; required. */
    public HandoffRequestBuilder clientId(String value) {
        this.clientId = value;
        return this;
    }

    /** The relying party's display name; required; printable, at most 100 code points. */
    public HandoffRequestBuilder clientName(String value) {
        this.clientName = value;
        return this;
    }

    /** For {@code share}: the requested claims, in order, distinct, at least one, at most 32. */
    public HandoffRequestBuilder claims(Collection<ClaimName> value) {
        this.claims = List.copyOf(value);
        return this;
    }

    /**
     * @return the request, with {@code iat} now (whole seconds) and {@code exp} = {@code iat + lifetime}
     * @throws IllegalStateException when a field is missing or would make the bridge refuse the request
     */
    public HandoffRequest build() {
        Origin origin = issuerOrigin();
        require(RequestFields.isNonce(nonce), "a base64url nonce of at least 256 bits");
        require(purpose != null, "a purpose");
        require(returnUri != null && origin.equals(Origin.of(returnUri).orElse(null))
                && returnUri.getRawUserInfo() == null, "a return URI on the issuer's origin");
        require(returnUri.getRawFragment() == null, "a return URI without fragment (the assertion goes there)");
        require(RequestFields.isClientId(clientId), "a client id");
        require(RequestFields.isClientName(clientName), "a printable client name of at most 100 characters");
        require(lifetime != null && !lifetime.isNegative() && !lifetime.isZero()
                && lifetime.compareTo(HandoffRequest.MAX_LIFETIME) <= 0, "a lifetime of at most 5 minutes");
        checkClaims();
        String id = jti != null ? jti : randomJti();
        require(RequestFields.isJti(id), "a jti of visible ASCII, at most 128 characters");
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new HandoffRequest(issuer, id, issuedAt, issuedAt.plus(lifetime), nonce, purpose, returnUri,
                clientId, clientName, claims);
    }

    /**
     * Builds the request and signs it: header {@code alg} and {@code kid} from the signer,
     * {@code typ} {@value HandoffRequest#TYPE}.
     *
     * @return the compact JWS (RFC 7515 section 7.1)
     * @throws IllegalStateException as {@link #build()}
     * @throws IllegalArgumentException when the signer declares an algorithm that is not allowed
     * @throws HandoffRequestException {@link Reason#SIGNING_FAILED} when the signer fails or returns a
     *     signature of the wrong form for its algorithm
     */
    public String sign(HandoffSigner signer) throws HandoffRequestException {
        Objects.requireNonNull(signer, "signer");
        HandoffRequest request = build();
        String signingInput = header(signer).toBase64URL() + "." + Base64URL.encode(claims(request).toString());
        byte[] signature;
        try {
            signature = signer.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new HandoffRequestException(Reason.SIGNING_FAILED, "the realm key did not sign", e);
        }
        checkSignatureForm(signer.algorithm(), signature);
        return signingInput + "." + Base64URL.encode(signature);
    }

    private Origin issuerOrigin() {
        require(issuer != null, "an issuer");
        try {
            return AllowedIssuer.issuerOrigin(issuer);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("hand-off request needs an https issuer URL: " + e.getMessage(), e);
        }
    }

    private void checkClaims() {
        require(new LinkedHashSet<>(claims).size() == claims.size(), "distinct claims");
        if (purpose == Purpose.AUTH) {
            require(claims.isEmpty(), "no claims on an auth request");
        } else {
            require(!claims.isEmpty() && claims.size() <= RequestFields.MAX_CLAIMS, "1 to 32 claims on a share request");
        }
    }

    private static JWSHeader header(HandoffSigner signer) {
        String alg = signer.algorithm();
        if (!HandoffRequest.ALGORITHMS.contains(alg)) {
            throw new IllegalArgumentException("alg must be one of " + HandoffRequest.ALGORITHMS);
        }
        if (signer.keyId() == null || signer.keyId().isEmpty()) {
            throw new IllegalArgumentException("the signer declares no kid");
        }
        return new JWSHeader.Builder(JWSAlgorithm.parse(alg))
                .type(new JOSEObjectType(HandoffRequest.TYPE))
                .keyID(signer.keyId())
                .build();
    }

    private static JWTClaimsSet claims(HandoffRequest request) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(request.issuer())
                .audience(HandoffRequest.AUDIENCE)
                .jwtID(request.jti())
                .issueTime(Date.from(request.issuedAt()))
                .expirationTime(Date.from(request.expiresAt()))
                .claim(HandoffRequest.CLAIM_NONCE, request.nonce())
                .claim(HandoffRequest.CLAIM_PURPOSE, request.purpose().value())
                .claim(HandoffRequest.CLAIM_RETURN_URI, request.returnUri().toString())
                .claim(HandoffRequest.CLAIM_CLIENT_ID, request.clientId())
                .claim(HandoffRequest.CLAIM_CLIENT_NAME, request.clientName());
        if (!request.claims().isEmpty()) {
            claims.claim(HandoffRequest.CLAIM_CLAIMS, request.claims().stream().map(ClaimName::value).toList());
        }
        return claims.build();
    }

    /**
     * A cheap check of the signer's contract: ES256 must be R||S (64 bytes), the commonest mistake being
     * a DER signature from a JCA {@code Signature}; RSA signatures are as long as a 2048-bit modulus or more.
     */
    private static void checkSignatureForm(String algorithm, byte[] signature) throws HandoffRequestException {
        boolean fits = signature != null
                && (algorithm.equals(HandoffRequest.ES256) ? signature.length == 64 : signature.length >= 256);
        if (!fits) {
            throw new HandoffRequestException(Reason.SIGNING_FAILED,
                    "the signer returned a signature of the wrong length for " + algorithm
                    + " (ES256 must be R||S, RFC 7518 section 3.4)");
        }
    }

    private static String randomJti() {
        byte[] bytes = new byte[JTI_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64URL.encode(bytes).toString();
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("hand-off request needs " + what);
        }
    }
}
