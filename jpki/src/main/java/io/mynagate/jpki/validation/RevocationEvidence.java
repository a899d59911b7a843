package io.mynagate.jpki.validation;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The revocation data that decided a certificate's status, for the audit record: an OCSP response
 * ({@link OcspEvidence}), a CRL ({@link CrlEvidence}), or the answer of another source such as a
 * platform operator's revocation API, which implements this interface with its own fields (a
 * transaction id, the time of the answer). Holds no data of the certificate holder.
 *
 * <p>Implementations must be immutable; {@link #toMap()} goes verbatim into audit events, so it must
 * hold identifiers of the answer, never personal data or whole certificates.
 */
public interface RevocationEvidence {


    /** When the source states the status was correct (OCSP {@code thisUpdate}, CRL {@code thisUpdate}). */
    Instant thisUpdate();

    /** When newer information will be available; empty when the source gave none. */
    Optional<Instant> nextUpdate();

    /** A one-line description for logs and CLI output (no personal data). */
    String describe();

    /**
     * The evidence as flat name/value pairs, for JSON output and event records. The entry {@code type}
     * names the kind of source ({@code ocsp}, {@code crl}, or an operator source's own name).
     */
    Map<String, String> toMap();
}
