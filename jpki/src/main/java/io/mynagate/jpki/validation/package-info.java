/**
 * Certificate validation for JPKI certificates: an RFC 5280 path to configured trust anchors, the JPKI
 * profile (利用者証明用 / 署名用 key usage, RSA-2048, validity) and revocation (RFC 6960 OCSP, RFC 5280
 * CRLs) behind {@link io.mynagate.jpki.validation.RevocationSource}.
 *
 * <p>Entry points: {@link io.mynagate.jpki.validation.CertificateValidator#builder()} and
 * {@link io.mynagate.jpki.validation.RevocationSources}. Everything is fail closed: a missing, stale or
 * unverifiable revocation answer makes a certificate invalid unless the loudly named
 * {@code revocationFailOpen()} is set. Everything outside the process (HTTP) sits behind
 * {@link io.mynagate.jpki.validation.HttpTransport}, whose default has connect and request timeouts.
 *
 * <p>RFC 5280 path processing is the JDK's PKIX {@code CertPathValidator} (the platform's maintained
 * implementation, no provider registration, which matters inside Keycloak), run on exactly one path that
 * this package selects by key identifier and signature, with the JDK's revocation checking disabled: that
 * checker is configured by global security properties, cannot pin a designated OCSP responder per
 * validator, does not insist on a nonce echo and reports no evidence. Revocation is done here instead.
 *
 * <p>CRLs are processed as RFC 5280 section 6.3.3 describes (issuing distribution point scope, reasons,
 * CRL signer by name and key with its own path to the same anchor, indirect and delta CRLs), see
 * {@link io.mynagate.jpki.validation.CrlSourceBuilder}; revocation sources receive the validated path
 * ({@link io.mynagate.jpki.validation.ValidatedPath}) so that a CRL signer among the supplied
 * intermediates can be found.
 *
 * <p>Nothing here logs or reports a whole certificate, a subject name or a serial number: results carry
 * only issuer/responder names (CA names, not personal data) and times.
 */
package io.mynagate.jpki.validation;
