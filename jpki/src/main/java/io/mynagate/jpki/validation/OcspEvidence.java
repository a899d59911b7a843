package io.mynagate.jpki.validation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An RFC 6960 OCSP response that decided a status.
 *
 * @param responder the signer of the response (its subject name; a CA or responder, never a resident)
 * @param delegated {@code true} when a delegated responder (id-kp-OCSPSigning) or a configured
 *     designated responder signed, {@code false} when the issuing CA signed directly
 * @param producedAt the response's {@code producedAt}
 * @param thisUpdate the single response's {@code thisUpdate}
 * @param nextUpdateOrNull the single response's {@code nextUpdate}, or {@code null} when absent
 * @param nonceChecked {@code true} when the response echoed our request nonce
 */
public record OcspEvidence(String responder, boolean delegated, Instant producedAt, Instant thisUpdate,
        Instant nextUpdateOrNull, boolean nonceChecked) implements RevocationEvidence {

    /** Checks the mandatory fields. */
    public OcspEvidence {
        Objects.requireNonNull(responder, "responder");
        Objects.requireNonNull(producedAt, "producedAt");
        Objects.requireNonNull(thisUpdate, "thisUpdate");
    }

    @Override
    public Optional<Instant> nextUpdate() {
        return Optional.ofNullable(nextUpdateOrNull);
    }

    @Override
    public String describe() {
        return "OCSP response from " + responder + (delegated ? " (delegated)" : " (issuing CA)")
                + ", produced " + producedAt + ", thisUpdate " + thisUpdate
                + (nextUpdateOrNull == null ? "" : ", nextUpdate " + nextUpdateOrNull);
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("type", "ocsp");
        map.put("responder", responder);
        map.put("delegated", Boolean.toString(delegated));
        map.put("producedAt", producedAt.toString());
        map.put("thisUpdate", thisUpdate.toString());
        if (nextUpdateOrNull != null) {
            map.put("nextUpdate", nextUpdateOrNull.toString());
        }
        map.put("nonceChecked", Boolean.toString(nonceChecked));
        return map;
    }
}
