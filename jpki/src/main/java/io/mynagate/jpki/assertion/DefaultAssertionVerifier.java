package io.mynagate.jpki.assertion;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The {@link AssertionVerifier}: immutable, thread-safe; the checks run in {@link #verify}'s order. */
final class DefaultAssertionVerifier implements AssertionVerifier {
    private static final int MIN_RSA_BITS = 2048;
    private static final Set<String> FORBIDDEN_HEADERS = Set.of("jku", "x5u", "jwk", "crit", "b64");
    /** RFC 7515 section 4.1.6: x5c holds base64, not base64url; the JDK's decoder refuses anything else. */
    private static final java.util.Base64.Decoder X5C = java.util.Base64.getDecoder();

    private final String audience;
    private final Clock clock;
    private final Duration maxSkew;
    private final int maxSize;

    DefaultAssertionVerifier(String audience, Clock clock, Duration maxSkew, int maxSize) {
        this.audience = audience;
        this.clock = clock;
        this.maxSkew = maxSkew;
        this.maxSize = maxSize;
    }

    @Override
    public VerifiedAssertion verify(String compactJws, String expectedNonce, Purpose expectedPurpose)
            throws AssertionException {
        if (expectedNonce == null || expectedNonce.isEmpty() || expectedPurpose == null) {
            throw new IllegalArgumentException("the expected nonce and purpose are required");
        }
        checkSize(compactJws);
        CompactJws jws = CompactJws.split(compactJws);
        Map<String, Object> rawHeader = parseHeader(jws);
        checkAlgorithm(rawHeader);
        JWSHeader header = jwsHeader(rawHeader, jws);
        checkType(header);
        checkNoOtherKeySource(rawHeader);
        X509Certificate certificate = singleCertificate(header);
        RSAPublicKey key = strongRsaKey(certificate);
        checkSignature(jws, key);
        JWTClaimsSet claims = claims(jws);
        checkAudience(claims);
        checkNonce(claims, expectedNonce);
        Instant issuedAt = checkIssuedAt(claims);
        checkPurpose(claims, expectedPurpose);
        List<String> approvedClaims = checkShareFields(claims, expectedPurpose);
        return new VerifiedAssertion(certificate, audience, issuedAt, expectedPurpose, approvedClaims,
                expectedPurpose == Purpose.SHARE ? (String) claims.getClaim(CardAssertion.CLAIM_CLIENT_ID) : null);
    }

    private void checkSize(String compactJws) throws AssertionException {
        if (compactJws == null || compactJws.isEmpty()) {
            throw new MalformedAssertionException("no assertion");
        }
        if (compactJws.length() > maxSize) {
            throw new OversizedAssertionException("assertion longer than " + maxSize + " characters");
        }
    }

    /** The header as JSON, parsed once: {@code alg} is judged on it before anything else. */
    private static Map<String, Object> parseHeader(CompactJws jws) throws MalformedAssertionException {
        try {
            return JSONObjectUtils.parse(jws.headerJson(), Header.MAX_HEADER_STRING_LENGTH);
        } catch (ParseException | RuntimeException e) {
            throw new MalformedAssertionException("the header is not a JSON object");
        }
    }

    private static void checkAlgorithm(Map<String, Object> header) throws DisallowedAlgorithmException {
        Object alg = header.get("alg");
        if (!JWSAlgorithm.RS256.getName().equals(alg)) {
            throw new DisallowedAlgorithmException("alg must be RS256");
        }
    }

    /** Nimbus's reading of the same JSON object (typed parameters), and the rest of the JWS syntax. */
    private static JWSHeader jwsHeader(Map<String, Object> rawHeader, CompactJws jws)
            throws MalformedAssertionException {
        JWSHeader header;
        try {
            header = JWSHeader.parse(rawHeader, new Base64URL(jws.encodedHeader()));
        } catch (ParseException e) {
            throw new MalformedAssertionException("not a JWS: Invalid JWS header: " + e.getMessage());
        }
        if (jws.hasNoSignature()) {
            throw new MalformedAssertionException("not a JWS: the signature must not be empty");
        }
        return header;
    }

    private static void checkType(JWSHeader header) throws WrongTypeException {
        String type = header.getType() == null ? null : header.getType().getType().toLowerCase(Locale.ROOT);
        // RFC 7515 section 4.1.9: "application/" may be omitted and media types compare case-insensitively.
        if (!CardAssertion.TYPE.equals(type) && !("application/" + CardAssertion.TYPE).equals(type)) {
            throw new WrongTypeException("typ must be " + CardAssertion.TYPE);
        }
    }

    private static void checkNoOtherKeySource(Map<String, Object> header) throws DisallowedHeaderException {
        for (String name : FORBIDDEN_HEADERS) {
            if (header.containsKey(name)) {
                throw new DisallowedHeaderException("header " + name + " is not allowed");
            }
        }
    }

    private static X509Certificate singleCertificate(JWSHeader header) throws CertificateHeaderException {
        List<Base64> chain = header.getX509CertChain();
        if (chain == null || chain.size() != 1) {
            throw new CertificateHeaderException("x5c must hold exactly one certificate");
        }
        try {
            byte[] der = X5C.decode(chain.get(0).toString());
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException | IllegalArgumentException e) {
            throw new CertificateHeaderException("the x5c certificate does not parse");
        }
    }

    private static RSAPublicKey strongRsaKey(X509Certificate certificate) throws WeakKeyException {
        if (!(certificate.getPublicKey() instanceof RSAPublicKey)) {
            throw new WeakKeyException("the certificate key is not RSA");
        }
        RSAPublicKey key = (RSAPublicKey) certificate.getPublicKey();
        if (key.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new WeakKeyException("the certificate key is shorter than " + MIN_RSA_BITS + " bits");
        }
        return key;
    }

    private static void checkSignature(CompactJws jws, RSAPublicKey key) throws InvalidSignatureException {
        byte[] signature = jws.signatureOrNull();
        if (signature == null || !Rs256Signature.verifies(key, jws.signingInput(), signature)) {
            throw new InvalidSignatureException();
        }
    }

    private static JWTClaimsSet claims(CompactJws jws) throws MalformedAssertionException {
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(jws.payloadJson());
        } catch (ParseException | RuntimeException e) {
            throw new MalformedAssertionException("the payload is not a JSON object");
        }
        try {
            return JWTClaimsSet.parse(json);
        } catch (ParseException e) {
            throw new MalformedAssertionException("the payload is not a claims set");
        }
    }

    private void checkAudience(JWTClaimsSet claims) throws AudienceMismatchException {
        if (!List.of(audience).equals(claims.getAudience())) {
            throw new AudienceMismatchException("aud is not this issuer");
        }
    }

    private static void checkNonce(JWTClaimsSet claims, String expected) throws NonceMismatchException {
        Object nonce = claims.getClaim(CardAssertion.CLAIM_NONCE);
        if (!(nonce instanceof String)) {
            throw new NonceMismatchException("nonce missing");
        }
        // Constant time: the comparison must not tell an attacker how much of a guessed nonce was right.
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                ((String) nonce).getBytes(StandardCharsets.UTF_8))) {
            throw new NonceMismatchException("nonce does not match");
        }
    }

    private Instant checkIssuedAt(JWTClaimsSet claims) throws AssertionException {
        Date issueTime;
        try {
            issueTime = claims.getDateClaim("iat");
        } catch (ParseException e) {
            throw new MalformedAssertionException("iat is not a number");
        }
        if (issueTime == null) {
            throw new IssuedAtOutOfRangeException("iat missing");
        }
        Instant issuedAt = issueTime.toInstant();
        Duration distance = Duration.between(issuedAt, clock.instant()).abs();
        if (distance.compareTo(maxSkew) > 0) {
            throw new IssuedAtOutOfRangeException("iat is further than " + maxSkew.toSeconds() + " s from now");
        }
        return issuedAt;
    }

    private static void checkPurpose(JWTClaimsSet claims, Purpose expected) throws PurposeMismatchException {
        Object value = claims.getClaim(CardAssertion.CLAIM_PURPOSE);
        if (!(value instanceof String) || Purpose.ofValue((String) value).orElse(null) != expected) {
            throw new PurposeMismatchException("purpose is not " + expected.value());
        }
    }

    private static List<String> checkShareFields(JWTClaimsSet claims, Purpose purpose) throws ShareFieldsException {
        Object clientId = claims.getClaim(CardAssertion.CLAIM_CLIENT_ID);
        Object approved = claims.getClaim(CardAssertion.CLAIM_APPROVED_CLAIMS);
        if (purpose == Purpose.AUTH) {
            if (clientId != null || approved != null) {
                throw new ShareFieldsException("an auth assertion carries share fields");
            }
            return List.of();
        }
        if (!(clientId instanceof String) || ((String) clientId).isBlank()) {
            throw new ShareFieldsException("client_id missing");
        }
        if (!(approved instanceof List)) {
            throw new ShareFieldsException("approved_claims is not an array");
        }
        List<?> names = (List<?>) approved;
        Set<Object> seen = new HashSet<>();
        for (Object name : names) {
            if (!(name instanceof String) || ((String) name).isBlank() || !seen.add(name)) {
                throw new ShareFieldsException("approved_claims must be distinct non-empty strings");
            }
        }
        return names.stream().map(String.class::cast).toList();
    }
}
