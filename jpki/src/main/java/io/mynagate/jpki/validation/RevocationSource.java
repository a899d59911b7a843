package io.mynagate.jpki.validation;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * Where the revocation status of one certificate comes from: OCSP, CRLs, a platform operator's API.
 * Ready-made sources and combinators are in {@link RevocationSources}.
 *
 * <p>Contract: an implementation returns a {@link RevocationStatus} only when it has evidence that was
 * authenticated (signature by the issuer or an authorized responder) and is current at {@code at}.
 * Anything else (no data, responder down, stale data, bad signature, timeout) is a
 * {@link RevocationCheckException}, so callers fail closed by default. Implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface RevocationSource {

    /**
     * Finds the status of {@code certificate}.
     *
     * @param certificate the certificate to check, never {@code null}
     * @param issuer the certificate that issued it (already chosen by path validation), never {@code null}
     * @param at the validation time the evidence must be current at, never {@code null}
     * @return an authenticated, current status, never {@code null}
     * @throws RevocationCheckException when no authenticated and current answer could be obtained
     */
    RevocationStatus check(X509Certificate certificate, X509Certificate issuer, Instant at)
            throws RevocationCheckException;

    /**
     * Finds the status of {@code certificate}, knowing the whole validated path. The validator calls this
     * method. Sources that need more than the issuer override it: the CRL source looks on the path and
     * among the other supplied certificates for a CRL signer other than the issuer's certificate (RFC 5280
     * section 6.3.3 (f)). Wrappers (caching, fallback) should forward it. The default asks
     * {@link #check(X509Certificate, X509Certificate, Instant)} with the certificate's issuer on the path.
     *
     * @param certificate a certificate of {@code path}, never {@code null}
     * @param path the path validation accepted, never {@code null}
     * @param at the validation time the evidence must be current at, never {@code null}
     * @return an authenticated, current status, never {@code null}
     * @throws RevocationCheckException when no authenticated and current answer could be obtained
     */
    default RevocationStatus check(X509Certificate certificate, ValidatedPath path, Instant at)
            throws RevocationCheckException {
        return check(certificate, path.issuerOf(certificate), at);
    }
}
