package io.mynagate.jpki.validation;

import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An RFC 5280 CRL that decided a status, with the delta CRL applied to it, if any. When CRLs partitioned
 * by reason decided together, this is the one that completed the coverage (or the one that revoked).
 *
 * @param issuer the CRL issuer's name (for an indirect CRL, not the certificate's issuer)
 * @param crlNumberOrNull the complete CRL's cRLNumber (RFC 5280 section 5.2.3), or {@code null} when absent
 * @param thisUpdate the {@code thisUpdate} of the delta CRL when one was applied, else of the CRL
 * @param nextUpdateOrNull the earlier {@code nextUpdate} of the CRL and its delta, or {@code null} when absent
 * @param location where the CRL came from (URL or file name), and its delta after {@code " + delta "}
 * @param deltaCrlNumberOrNull the cRLNumber of the delta CRL applied (section 5.2.4), or {@code null} when
 *     no delta CRL was applied
 */
public record CrlEvidence(String issuer, BigInteger crlNumberOrNull, Instant thisUpdate,
        Instant nextUpdateOrNull, String location, BigInteger deltaCrlNumberOrNull) implements RevocationEvidence {

    /** Checks the mandatory fields. */
    public CrlEvidence {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(thisUpdate, "thisUpdate");
        Objects.requireNonNull(location, "location");
    }

    /**
     * Evidence of a complete CRL with no delta CRL applied.
     *
     * @param issuer the CRL issuer's name
     * @param crlNumberOrNull the cRLNumber, or {@code null} when absent
     * @param thisUpdate the CRL's {@code thisUpdate}
     * @param nextUpdateOrNull the CRL's {@code nextUpdate}, or {@code null} when absent
     * @param location where the CRL came from (URL or file name)
     */
    public CrlEvidence(String issuer, BigInteger crlNumberOrNull, Instant thisUpdate, Instant nextUpdateOrNull,
            String location) {
        this(issuer, crlNumberOrNull, thisUpdate, nextUpdateOrNull, location, null);
    }

    @Override
    public Optional<Instant> nextUpdate() {
        return Optional.ofNullable(nextUpdateOrNull);
    }

    @Override
    public String describe() {
        return "CRL number " + (crlNumberOrNull == null ? "(none)" : crlNumberOrNull)
                + (deltaCrlNumberOrNull == null ? "" : " with delta CRL number " + deltaCrlNumberOrNull) + " of " + issuer
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
        if (deltaCrlNumberOrNull != null) {
            map.put("deltaCrlNumber", deltaCrlNumberOrNull.toString());
        }
        map.put("thisUpdate", thisUpdate.toString());
        if (nextUpdateOrNull != null) {
            map.put("nextUpdate", nextUpdateOrNull.toString());
        }
        map.put("location", location);
        return map;
    }
}
