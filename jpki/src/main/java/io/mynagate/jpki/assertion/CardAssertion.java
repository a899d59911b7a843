package io.mynagate.jpki.assertion;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.profile.CertificateKind;
import io.mynagate.jpki.profile.UnrecognizedCertificateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;

/**
 * The card assertion (docs/architecture.md "Card assertion"): a compact JWS, {@code alg} {@code RS256},
 * {@code typ} {@value #TYPE}, {@code x5c} = [the card certificate], whose payload carries
 * {@code aud}, {@code nonce}, {@code iat}, {@code purpose} and, for {@code share}, the approved
 * claim names and the {@code client_id}. Any JOSE library can verify it.
 *
 * <p>Build one with {@link #builder()}; the card signs the SHA-256 DigestInfo of the JWS signing
 * input through a {@link Signer}, which is exactly RS256 (RFC 7518 section 3.3). Verify with
 * {@link AssertionVerifier}.
 */
public final class CardAssertion {
    /** The {@code typ} header value. */
    public static final String TYPE = "jpki-assertion+jwt";
    /** Claim: the one-time challenge. */
    public static final String CLAIM_NONCE = "nonce";
    /** Claim: {@link Purpose#value()}. */
    public static final String CLAIM_PURPOSE = "purpose";
    /** Claim of share assertions: the claim names the resident approved, a JSON array of strings. */
    public static final String CLAIM_APPROVED_CLAIMS = "approved_claims";
    /** Claim of share assertions: the OAuth client the approved claims are released to. */
    public static final String CLAIM_CLIENT_ID = "client_id";

    private static final AlgorithmIdentifier SHA256 =
            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE);

    private CardAssertion() {}

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the assertion's content; {@link #sign(Signer)} produces the compact JWS. Not thread-safe. */
    public static final class Builder {
        private String audience;
        private String nonce;
        private Clock clock = Clock.systemUTC();
        private Purpose purpose;
        private List<String> approvedClaims = List.of();
        private String clientId;
        private X509Certificate certificate;

        private Builder() {}

        /** The realm issuer URL the assertion is for; required. */
        public Builder audience(String value) {
            this.audience = value;
            return this;
        }

        /** The identity provider's one-time challenge; required. */
        public Builder nonce(String value) {
            this.nonce = value;
            return this;
        }

        /** Clock for {@code iat}; default the system UTC clock. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Why the card signs; required. */
        public Builder purpose(Purpose value) {
            this.purpose = value;
            return this;
        }

        /** For {@link Purpose#SHARE}: the approved claim names, in order, without duplicates. */
        public Builder approvedClaims(Collection<String> names) {
            this.approvedClaims = List.copyOf(names);
            return this;
        }

        /** For {@link Purpose#SHARE}: the client the claims go to. */
        public Builder clientId(String value) {
            this.clientId = value;
            return this;
        }

        /**
         * The certificate whose key the signer uses; required. Its kind must fit the purpose: the
         * user-authentication certificate (利用者証明用電子証明書) for {@link Purpose#AUTH}, the signature
         * certificate (署名用電子証明書) for {@link Purpose#SHARE}.
         */
        public Builder certificate(X509Certificate value) {
            this.certificate = value;
            return this;
        }

        /**
         * Builds the signing input, has {@code signer} sign the SHA-256 DigestInfo of it and returns
         * the compact JWS. The certificate's kind is checked before the signer is called, so a wrong
         * certificate never costs a PIN try; the signature is checked against the certificate before it
         * is returned.
         *
         * @throws IllegalStateException when a required field is missing or the share fields do not
         *     fit the purpose (a programming error)
         * @throws CertificateKindMismatchException when the certificate is not the kind the purpose
         *     needs (an {@code auth} assertion with the signature certificate, or the reverse); the
         *     signer is not called
         * @throws UnrecognizedCertificateException when the certificate is neither JPKI kind; the signer
         *     is not called
         * @throws AssertionSigningException when the signature does not verify with the certificate
         * @throws JpkiException whatever the signer reports (wrong PIN, card removed, ...)
         */
        public String sign(Signer signer) throws JpkiException {
            Objects.requireNonNull(signer, "signer");
            String signingInput = header().toBase64URL() + "." + Base64URL.encode(claims().toString());
            checkCertificateKind();
            byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
            byte[] signature = signer.sign(digestInfo(input));
            if (!verifies(input, signature)) {
                throw new AssertionSigningException("the signature does not verify with the certificate");
            }
            return signingInput + "." + Base64URL.encode(signature);
        }

        private JWSHeader header() {
            require(certificate != null, "certificate");
            try {
                return new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(new JOSEObjectType(TYPE))
                        .x509CertChain(List.of(Base64.encode(certificate.getEncoded())))
                        .build();
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("the certificate cannot be encoded", e);
            }
        }

        private JWTClaimsSet claims() {
            require(audience != null && !audience.isBlank(), "audience");
            require(nonce != null && !nonce.isEmpty(), "nonce");
            require(purpose != null, "purpose");
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .audience(audience)
                    .claim(CLAIM_NONCE, nonce)
                    .issueTime(Date.from(clock.instant().truncatedTo(ChronoUnit.SECONDS)))
                    .claim(CLAIM_PURPOSE, purpose.value());
            if (purpose == Purpose.SHARE) {
                require(clientId != null && !clientId.isBlank(), "clientId (share)");
                require(new LinkedHashSet<>(approvedClaims).size() == approvedClaims.size(),
                        "approvedClaims without duplicates");
                claims.claim(CLAIM_CLIENT_ID, clientId).claim(CLAIM_APPROVED_CLAIMS, new ArrayList<>(approvedClaims));
            } else {
                require(clientId == null && approvedClaims.isEmpty(), "no share fields in an auth assertion");
            }
            return claims.build();
        }

        private void checkCertificateKind() throws CertificateKindMismatchException, UnrecognizedCertificateException {
            CertificateKind actual = CertificateKind.of(certificate);
            if (actual != requiredKind(purpose)) {
                throw new CertificateKindMismatchException(purpose, actual);
            }
        }

        private boolean verifies(byte[] input, byte[] signature) {
            try {
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initVerify(certificate.getPublicKey());
                rsa.update(input);
                return rsa.verify(signature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }

        private static void require(boolean condition, String what) {
            if (!condition) {
                throw new IllegalStateException("card assertion needs " + what);
            }
        }
    }

    /** The certificate kind an assertion of {@code purpose} is signed with. */
    static CertificateKind requiredKind(Purpose purpose) {
        return purpose == Purpose.SHARE ? CertificateKind.SIGNATURE : CertificateKind.AUTHENTICATION;
    }

    /** The DER DigestInfo of SHA-256 over {@code data} (RFC 8017 section 9.2), what the card signs. */
    static byte[] digestInfo(byte[] data) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(data);
            return new DigestInfo(SHA256, hash).getEncoded(ASN1Encoding.DER);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("SHA-256 and DER encoding are always available", e);
        }
    }
}
