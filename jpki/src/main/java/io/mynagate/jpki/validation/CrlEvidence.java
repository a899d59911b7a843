package io.mynagate.jpki.validation;

import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An RFC 5280 CRL that decided a status.
 *
 * @param issuer the CRL issuer's name
 * @param crlNumberOrNull the cRLNumber extension (RFC 5280 section 5.2.3), or {@code null} when absent
 * @param thisUpdate the CRL's {@code thisUpdate}
 * @param nextUpdateOrNull the CRL's {@code nextUpdate}, or {@code null} when absent
 * @param location where the CRL came from (URL or file name)
 */
public record CrlEvidence(String issuer, BigInteger crlNumberOrNull, Instant thisUpdate,
        Instant nextUpdateOrNull, String location) implements RevocationEvidence {

    /** Checks the mandatory fields. */
    public CrlEvidence {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(thisUpdate, "thisUpdate");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public Optional<Instant> nextUpdate() {
        return Optional.ofNullable(nextUpdateOrNull);
    }

    @Override
    public String describe() {
        return "CRL number " + (crlNumberOrNull == null ? "(none)" : crlNumberOrNull) + " of " + issuer
                + ", thisUpdate " + thisUpdate
                + (nextUpdateOrNull == null ? "" : ", nextUpdate " + nextUpdateOrNull) + ", from " + location;
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("type", "crl");
        map.put("issuer", issuer);
        if (crlNumberOrNull != null) {
            map.put("crlNumber", crlNumberOrNull.toString());
        }
        map.put("thisUpdate", thisUpdate.toString());
        if (nextUpdateOrNull != null) {
            map.put("nextUpdate", nextUpdateOrNull.toString());
        }
        map.put("location", location);
        return map;
    }
}
