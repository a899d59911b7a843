package io.mynagate.jpki.login;

import io.mynagate.jpki.JpkiException;

/**
 * Verifies a card assertion for one login step, end to end, in this order (each failure a
 * {@link JpkiException} whose {@link JpkiException#reason()} says why):
 * <ol>
 *   <li>the assertion itself ({@link io.mynagate.jpki.assertion.AssertionVerifier}): size, JWS syntax,
 *       {@code alg} RS256, {@code typ}, {@code x5c}, key strength, signature, {@code aud}, {@code nonce},
 *       {@code iat}, {@code purpose}, share fields;</li>
 *   <li>the purpose bound to the certificate kind: {@code auth} needs the user-authentication
 *       certificate (利用者証明用), {@code share} the signature certificate (署名用);</li>
 *   <li>for {@code share}: the {@code client_id} is the requesting client's, and every approved claim
 *       was requested;</li>
 *   <li>the certificate: JPKI profile, validity, path to the configured roots, test-root refusal
 *       ({@link io.mynagate.jpki.validation.CertificateValidator});</li>
 *   <li>revocation of every certificate of the path, fail closed by default.</li>
 * </ol>
 * The nonce's single use is the caller's: remove it from the session before or right after this call.
 *
 * <p>Obtain one from {@link #builder()}. Implementations are immutable and thread-safe.
 */
public interface LoginVerifier {

    /**
     * @param assertionJws the card assertion as received (compact JWS), may be null (then malformed)
     * @param expected what this step expects, not null
     * @return the verified login: certificate, keyed id, released claims, revocation evidence
     * @throws JpkiException the first check that refused, with its reason; an
     *     {@link io.mynagate.jpki.validation.CertificateValidationException} keeps the deciding evidence
     */
    VerifiedLogin verify(String assertionJws, LoginExpectations expected) throws JpkiException;

    /** @return a new builder */
    static LoginVerifierBuilder builder() {
        return new LoginVerifierBuilder();
    }
}
