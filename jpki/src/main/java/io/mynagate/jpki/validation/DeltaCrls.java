package io.mynagate.jpki.validation;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * RFC 5280 section 6.3.3 (c) and (h), with section 5.2.4: the delta CRL to combine with a complete CRL.
 * A delta qualifies when it has the complete CRL's issuer, issuing distribution point and authority key
 * identifier, can be processed, is current, is signed by the key that signed the complete CRL, is based
 * on a CRL number not newer than the complete CRL's and is itself newer. The newest qualifying delta is
 * used. When the certificate or the complete CRL announces delta CRLs (Freshest CRL) and none qualifies,
 * the complete CRL alone is not enough: a revocation published only in a delta would be missed, so the
 * answer is "unavailable", never "good".
 */
final class DeltaCrls {
    private DeltaCrls() {}

    /** The delta to apply ({@code null}: none), or why the complete CRL cannot be used. */
    record Choice(LoadedCrl delta, String problem) {}

    static Choice choose(LoadedCrl complete, List<LoadedCrl> deltas, PublicKey key, boolean required, Instant at,
            Duration clockSkew) {
        Set<String> problems = new LinkedHashSet<>();
        LoadedCrl best = null;
        for (LoadedCrl delta : deltas) {
            if (!sameScope(complete, delta)) {
                continue;
            }
            String problem = problem(complete, delta, key, at, clockSkew);
            if (problem != null) {
                problems.add("delta CRL " + delta.location() + ": " + problem);
            } else if (best == null || delta.number().compareTo(best.number()) > 0) {
                best = delta;
            }
        }
        if (best != null || !required) {
            return new Choice(best, null);
        }
        return new Choice(null, "delta CRLs are announced (Freshest CRL) but no usable current delta CRL is configured"
                + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)));
    }

    /** (c)(1)-(3): same issuer, same issuing distribution point (or none), same authority key identifier. */
    private static boolean sameScope(LoadedCrl complete, LoadedCrl delta) {
        return delta.issuer().equals(complete.issuer()) && Objects.equals(delta.idp(), complete.idp())
                && Arrays.equals(delta.authorityKeyId(), complete.authorityKeyId());
    }

    private static String problem(LoadedCrl complete, LoadedCrl delta, PublicKey key, Instant at, Duration skew) {
        if (delta.unprocessable() != null) {
            return delta.unprocessable();
        }
        if (complete.number() == null) {
            return "cannot be combined with a complete CRL without CRL number";
        }
        if (delta.number() == null) {
            return "no CRL number";
        }
        if (delta.baseNumber().compareTo(complete.number()) > 0) {
            return "based on CRL number " + delta.baseNumber() + ", newer than complete CRL number " + complete.number();
        }
        if (delta.number().compareTo(complete.number()) <= 0) {
            return "not newer than complete CRL number " + complete.number();
        }
        String stale = delta.staleness(at, skew);
        if (stale != null) {
            return stale;
        }
        try {
            delta.crl().verify(key);
            return null;
        } catch (GeneralSecurityException | RuntimeException e) {
            return "signature does not verify with the key that signed the complete CRL";
        }
    }
}
