package io.mynagate.jpki.handoff;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import io.mynagate.jpki.Reason;
import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.claims.ClaimName;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The {@link HandoffRequestVerifier}: immutable, thread-safe; {@link #verify} runs the checks in the documented order. */
final class DefaultHandoffRequestVerifier implements HandoffRequestVerifier {
    private final Map<String, AllowedIssuer> issuers;
    private final KeySetSource keySetSource;
    private final ReplayStore replayStore;
    private final Clock clock;
    private final Duration maxSkew;
    private final Duration maxLifetime;
    private final int maxSize;

    DefaultHandoffRequestVerifier(Map<String, AllowedIssuer> issuers, KeySetSource keySetSource,
            ReplayStore replayStore, Clock clock, Duration maxSkew, Duration maxLifetime, int maxSize) {
        this.issuers = issuers;
        this.keySetSource = keySetSource;
        this.replayStore = replayStore;
        this.clock = clock;
        this.maxSkew = maxSkew;
        this.maxLifetime = maxLifetime;
        this.maxSize = maxSize;
    }

    @Override
    public HandoffRequest verify(String compactJws) throws HandoffRequestException {
        HeaderChecks.checkSize(compactJws, maxSize);
        String[] parts = HeaderChecks.parts(compactJws);
        Map<String, Object> header = HeaderChecks.header(parts);
        JWSAlgorithm alg = HeaderChecks.algorithm(header);
        HeaderChecks.checkSigned(parts);
        HeaderChecks.checkType(header);
        HeaderChecks.checkNoForbiddenHeader(header);
        String keyId = HeaderChecks.keyId(header);
        JWSObject jws = parse(compactJws);
        // iss is read before the signature is checked: it says whose keys to check it with, nothing more.
        JWTClaimsSet claims = RequestClaims.parse(jws);
        AllowedIssuer issuer = allowedIssuer(RequestClaims.issuer(claims));
        checkSignature(jws, SigningKeys.verifierFor(keySetSource, issuer, keyId, alg));
        checkAudience(claims);
        Instant issuedAt = RequestClaims.instant(claims, "iat");
        Instant expiresAt = RequestClaims.instant(claims, "exp");
        checkNotExpired(expiresAt);
        checkLifetime(issuedAt, expiresAt);
        String jti = RequestClaims.jti(claims);
        String nonce = RequestClaims.nonce(claims);
        Purpose purpose = RequestClaims.purpose(claims);
        URI returnUri = RequestClaims.returnUri(claims);
        checkReturnUriOrigin(returnUri, issuer);
        String clientId = RequestClaims.clientId(claims);
        String clientName = RequestClaims.clientName(claims);
        List<ClaimName> requested = RequestClaims.requested(claims, purpose);
        checkNotReplayed(issuer, jti, expiresAt);
        return new HandoffRequest(issuer.issuer(), jti, issuedAt, expiresAt, nonce, purpose, returnUri, clientId,
                clientName, requested);
    }

    private static JWSObject parse(String compactJws) throws HandoffRequestException {
        try {
            return JWSObject.parse(compactJws);
        } catch (ParseException e) {
            throw new HandoffRequestException(Reason.MALFORMED_REQUEST, "not a JWS");
        }
    }

    private AllowedIssuer allowedIssuer(String iss) throws HandoffRequestException {
        AllowedIssuer issuer = issuers.get(iss);
        if (issuer == null) {
            throw new HandoffRequestException(Reason.ISSUER_NOT_ALLOWED, "the issuer is not on the allowlist");
        }
        return issuer;
    }

    private static void checkSignature(JWSObject jws, JWSVerifier verifier) throws HandoffRequestException {
        boolean valid;
        try {
            valid = jws.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            valid = false;
        }
        if (!valid) {
            throw new HandoffRequestException(Reason.INVALID_SIGNATURE, "the signature does not verify");
        }
    }

    private static void checkAudience(JWTClaimsSet claims) throws HandoffRequestException {
        // Nimbus reads a string aud as a list of one; a second audience would be a token meant for more than the bridge.
        if (!List.of(HandoffRequest.AUDIENCE).equals(claims.getAudience())) {
            throw new HandoffRequestException(Reason.REQUEST_AUDIENCE, "aud must be " + HandoffRequest.AUDIENCE);
        }
    }

    private void checkNotExpired(Instant expiresAt) throws HandoffRequestException {
        if (!clock.instant().isBefore(expiresAt.plus(maxSkew))) {
            throw new HandoffRequestException(Reason.REQUEST_EXPIRED, "the request has expired");
        }
    }

    private void checkLifetime(Instant issuedAt, Instant expiresAt) throws HandoffRequestException {
        if (issuedAt.isAfter(clock.instant().plus(maxSkew))) {
            throw new HandoffRequestException(Reason.REQUEST_LIFETIME, "iat is in the future");
        }
        Duration lifetime = Duration.between(issuedAt, expiresAt);
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(maxLifetime) > 0) {
            throw new HandoffRequestException(Reason.REQUEST_LIFETIME,
                    "exp - iat must be positive and at most " + maxLifetime.toSeconds() + " s");
        }
    }

    /** RFC 6454 origin equality; user info is refused too, as it only serves to disguise the host. */
    private static void checkReturnUriOrigin(URI returnUri, AllowedIssuer issuer) throws HandoffRequestException {
        if (!issuer.origin().equals(Origin.of(returnUri).orElse(null)) || returnUri.getRawUserInfo() != null) {
            throw new HandoffRequestException(Reason.RETURN_URI_FOREIGN, "return_uri is not on the issuer's origin");
        }
    }

    private void checkNotReplayed(AllowedIssuer issuer, String jti, Instant expiresAt) throws HandoffRequestException {
        // Scoped by issuer: two realms' jti spaces are independent. A space cannot occur in an issuer URL.
        if (!replayStore.markUsed(issuer.issuer() + " " + jti, expiresAt.plus(maxSkew))) {
            throw new HandoffRequestException(Reason.REQUEST_REPLAYED, "the request was already used");
        }
    }
}
