package io.mynagate.jpki.validation;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;

/**
 * RFC 5280 section 6.3.3 for one certificate over the loaded CRLs: for each distribution point of the
 * certificate (then the one assumed for CRLs of its issuer), for each complete CRL, newest first, until a
 * CRL revokes it or the CRLs used cover all reasons: (b) scope, (d)/(e) reasons, freshness, (f)/(g) the
 * signer, (c)/(h) the delta CRL, (i)-(k) the status, (l) the reasons covered. A status that is not
 * decided that way is "unavailable": a CRL that could not be processed never turns into "good".
 *
 * <p>One instance serves one {@code check} call; it is not shared between threads.
 */
final class CrlProcessing implements CrlSigners.SignerRevocation {
    private final List<LoadedCrl> completes = new ArrayList<>();
    private final List<LoadedCrl> deltas = new ArrayList<>();
    private final Instant at;
    private final Duration clockSkew;

    CrlProcessing(Collection<LoadedCrl> crls, Instant at, Duration clockSkew) {
        for (LoadedCrl crl : crls) {
            (crl.isDelta() ? deltas : completes).add(crl);
        }
        // Newest first, so that of two current CRLs of one scope the later one decides.
        completes.sort(Comparator.comparing(LoadedCrl::thisUpdate).reversed());
        this.at = at;
        this.clockSkew = clockSkew;
    }

    /**
     * @param earlierProblems why some locations gave no CRL, for the message when nothing decides
     * @throws RevocationCheckException when no in-scope, usable CRL decides
     */
    RevocationStatus decide(X509Certificate certificate, ValidatedPath path, List<String> earlierProblems)
            throws RevocationCheckException {
        Set<String> problems = new LinkedHashSet<>(earlierProblems);
        RevocationStatus status = process(certificate, path, Set.of(), problems);
        if (status != null) {
            return status;
        }
        throw new RevocationCheckException(problems.isEmpty()
                ? "no configured CRL is issued by " + certificate.getIssuerX500Principal().getName()
                        + " or by a CRL issuer its distribution points name"
                : String.join("; ", problems));
    }

    @Override
    public String problem(X509Certificate certificate, ValidatedPath path, Set<X509Certificate> inProgress) {
        Set<String> problems = new LinkedHashSet<>();
        RevocationStatus status = process(certificate, path, inProgress, problems);
        if (status == null) {
            return "has no revocation answer" + (problems.isEmpty() ? "" : " (" + String.join("; ", problems) + ")");
        }
        return status.state() == RevocationStatus.State.GOOD ? null : "is revoked";
    }

    /** @return the decided status, or {@code null} with the reasons in {@code problems} */
    private RevocationStatus process(X509Certificate certificate, ValidatedPath path, Set<X509Certificate> inProgress,
            Set<String> problems) {
        boolean certificateAnnouncesDeltas = CrlScope.announcesDeltas(certificate);
        ReasonsMask covered = ReasonsMask.NONE;
        CrlEvidence evidence = null;
        for (DistributionPoint point : CrlScope.distributionPoints(certificate)) {
            for (LoadedCrl crl : completes) {
                if (covered.isAll()) {
                    return new RevocationStatus(RevocationStatus.State.GOOD, evidence);
                }
                boolean related = CrlScope.related(crl, certificate, point);
                if (crl.unprocessable() != null) {
                    if (related) {
                        problems.add("CRL " + crl.location() + ": " + crl.unprocessable());
                    }
                    continue;
                }
                String outOfScope = CrlScope.outOfScope(crl, certificate, point);
                if (outOfScope != null) {
                    if (related) {
                        problems.add("CRL " + crl.location() + ": out of scope: " + outOfScope);
                    }
                    continue;
                }
                ReasonsMask reasons = CrlScope.interimReasons(crl, point);
                if (!reasons.addsTo(covered)) {
                    continue;
                }
                String problem = crl.staleness(at, clockSkew);
                CrlSigners.Signer signer = null;
                if (problem == null) {
                    signer = CrlSigners.find(crl, certificate, path, at, inProgress, this);
                    problem = signer.problem();
                }
                DeltaCrls.Choice delta = null;
                if (problem == null) {
                    delta = DeltaCrls.choose(crl, deltas, signer.key(), certificateAnnouncesDeltas
                            || crl.announcesDeltas(), at, clockSkew);
                    problem = delta.problem();
                }
                if (problem != null) {
                    problems.add("CRL " + crl.location() + ": " + problem);
                    continue;
                }
                evidence = evidence(crl, delta.delta());
                if (revoked(crl, delta.delta(), certificate)) {
                    return new RevocationStatus(RevocationStatus.State.REVOKED, evidence);
                }
                covered = covered.or(reasons);
            }
        }
        return covered.isAll() ? new RevocationStatus(RevocationStatus.State.GOOD, evidence) : null;
    }

    /**
     * (i)-(k): listed on the delta, else listed on the complete CRL. removeFromCRL on the delta takes a
     * certificate off hold; it does not undo a permanent revocation on the complete CRL (RFC 5280 section
     * 5.3.1: only a hold is released), so such a contradiction stays "revoked".
     */
    private static boolean revoked(LoadedCrl complete, LoadedCrl delta, X509Certificate certificate) {
        X500Principal issuer = certificate.getIssuerX500Principal();
        BigInteger serial = certificate.getSerialNumber();
        Integer onComplete = complete.reasonFor(issuer, serial);
        Integer onDelta = delta == null ? null : delta.reasonFor(issuer, serial);
        if (onDelta == null) {
            return onComplete != null;
        }
        if (onDelta != CRLReason.removeFromCRL) {
            return true;
        }
        return onComplete != null && onComplete != CRLReason.certificateHold;
    }

    private static CrlEvidence evidence(LoadedCrl complete, LoadedCrl delta) {
        if (delta == null) {
            return new CrlEvidence(complete.issuer().getName(), complete.number(), complete.thisUpdate(),
                    complete.nextUpdate(), complete.location());
        }
        Instant nextUpdate = complete.nextUpdate().isBefore(delta.nextUpdate()) ? complete.nextUpdate()
                : delta.nextUpdate();
        return new CrlEvidence(complete.issuer().getName(), complete.number(), delta.thisUpdate(), nextUpdate,
                complete.location() + " + delta " + delta.location(), delta.number());
    }
}
