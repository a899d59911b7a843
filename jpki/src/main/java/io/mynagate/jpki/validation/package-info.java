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
 * <p>Nothing here logs or reports a whole certificate, a subject name or a serial number: results carry
 * only issuer/responder names (CA names, not personal data) and times.
 */
package io.mynagate.jpki.validation;
