package io.mynagate.jpki.validation;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The revocation data that decided a certificate's status, for the audit record: an OCSP response
 * ({@link OcspEvidence}) or a CRL ({@link CrlEvidence}). Holds no data of the certificate holder.
 */
public sealed interface RevocationEvidence permits OcspEvidence, CrlEvidence {

    /** When the source states the status was correct (OCSP {@code thisUpdate}, CRL {@code thisUpdate}). */
    Instant thisUpdate();

    /** When newer information will be available; empty when the source gave none. */
    Optional<Instant> nextUpdate();

    /** A one-line description for logs and CLI output (no personal data). */
    String describe();

    /** The evidence as flat name/value pairs, for JSON output and event records. */
    Map<String, String> toMap();
}
