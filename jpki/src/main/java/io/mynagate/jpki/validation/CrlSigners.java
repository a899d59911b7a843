package io.mynagate.jpki.validation;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * RFC 5280 section 6.3.3 (f) and (g): the key that signed a CRL. Candidates are the certificates whose
 * subject is the CRL issuer's name: the certificate's issuer on the path, the rest of the path and its
 * trust anchor, then the other supplied certificates (another key of the same CA after a key rollover, a
 * separate CRL-signing certificate, an indirect CRL issuer). A candidate is used when, in order: its
 * subjectKeyIdentifier does not contradict the CRL's authorityKeyIdentifier; its key usage, if present,
 * allows cRLSign; it has a valid path to the same trust anchor as the certificate (a certificate on
 * that path already has one); its key (with inherited DSA parameters) verifies the CRL; and, off the
 * path, every certificate of its own path is known to be unrevoked.
 */
final class CrlSigners {
    /** Longest path accepted for a CRL signer that is not on the certificate's path. */
    private static final int MAX_SIGNER_INTERMEDIATES = 6;
    /** How many CRL signers' own revocation checks may nest (a signer whose CRL has another signer). */
    private static final int MAX_NESTING = 4;

    private CrlSigners() {}

    /** Decides whether a CRL signer's own certificates are unrevoked; the CRL processing itself. */
    interface SignerRevocation {
        /**
         * @param inProgress the CRL signers whose checks are under way, to stop loops
         * @return why {@code certificate} is not known to be unrevoked, or {@code null}
         */
        String problem(X509Certificate certificate, ValidatedPath path, Set<X509Certificate> inProgress);
    }

    /** The verified key, or why no candidate qualified. */
    record Signer(PublicKey key, String problem) {}

    /**
     * @param certificate the certificate whose status the CRL is to decide, on {@code path}
     * @param inProgress CRL signers whose own revocation is being decided further up the call
     */
    static Signer find(LoadedCrl crl, X509Certificate certificate, ValidatedPath path, Instant at,
            Set<X509Certificate> inProgress, SignerRevocation revocation) {
        Set<String> problems = new LinkedHashSet<>();
        for (X509Certificate candidate : candidates(crl, certificate, path)) {
            if (!keyIdentifierMatches(crl, candidate)) {
                continue;
            }
            Signer signer = attempt(crl, candidate, certificate, path, at, inProgress, revocation);
            if (signer.key() != null) {
                return signer;
            }
            problems.add(signer.problem());
        }
        return new Signer(null, problems.isEmpty()
                ? "no supplied certificate of its issuer " + crl.issuer().getName()
                        + " has the key that signed it (give that certificate as an intermediate)"
                : String.join("; ", problems));
    }

    /** The checks of one candidate, in order; the first that fails is the answer. */
    private static Signer attempt(LoadedCrl crl, X509Certificate candidate, X509Certificate certificate,
            ValidatedPath path, Instant at, Set<X509Certificate> inProgress, SignerRevocation revocation) {
        String problem = keyUsageProblem(candidate);
        if (problem == null && path.contains(candidate)) {
            problem = positionProblem(candidate, certificate, path);
        } else if (problem == null && (inProgress.contains(candidate) || inProgress.size() >= MAX_NESTING)) {
            problem = "checking its signer's own revocation would loop";
        }
        if (problem != null) {
            return new Signer(null, problem);
        }
        Set<String> pathProblem = new LinkedHashSet<>();
        ValidatedPath signerPath = path.contains(candidate) ? path : pathOf(candidate, path, at, pathProblem);
        if (signerPath == null) {
            return new Signer(null, String.join("; ", pathProblem));
        }
        PublicKey key = WorkingKey.of(candidate, signerPath.above(candidate));
        if (key == null) {
            return new Signer(null, "its signer's DSA key has no parameters to inherit");
        }
        if (!verifies(crl, key)) {
            return new Signer(null, "signature does not verify with the key of a certificate named as its issuer");
        }
        if (!path.contains(candidate)) {
            problem = signerRevocationProblem(candidate, signerPath, path, inProgress, revocation);
        }
        return problem == null ? new Signer(key, null) : new Signer(null, problem);
    }

    private static Set<X509Certificate> candidates(LoadedCrl crl, X509Certificate certificate, ValidatedPath path) {
        Set<X509Certificate> all = new LinkedHashSet<>();
        if (path.certificates().contains(certificate)) {
            all.add(path.issuerOf(certificate));
        }
        all.addAll(path.certificates());
        all.add(path.trustAnchor());
        all.addAll(path.otherCertificates());
        all.removeIf(candidate -> !candidate.getSubjectX500Principal().equals(crl.issuer()));
        return all;
    }

    /** Key identifiers only rule candidates out; the signature decides (section 5.2.1). */
    private static boolean keyIdentifierMatches(LoadedCrl crl, X509Certificate candidate) {
        byte[] authorityKeyId = crl.authorityKeyId();
        byte[] subjectKeyId = IssuerSelector.subjectKeyId(candidate);
        return authorityKeyId == null || subjectKeyId == null || Arrays.equals(authorityKeyId, subjectKeyId);
    }

    private static String keyUsageProblem(X509Certificate candidate) {
        boolean[] keyUsage = candidate.getKeyUsage();
        return keyUsage != null && (keyUsage.length < 7 || !keyUsage[6])
                ? "issuer key usage does not allow cRLSign" : null;
    }

    /**
     * A signer on the path must sit above the certificate; the certificate itself only when it is
     * self-issued (a CA's certificate for another of its own keys, covered by its own CRL).
     */
    private static String positionProblem(X509Certificate candidate, X509Certificate certificate, ValidatedPath path) {
        int signer = candidate.equals(path.trustAnchor()) ? path.certificates().size()
                : path.certificates().indexOf(candidate);
        int subject = path.certificates().indexOf(certificate);
        if (signer > subject) {
            return null;
        }
        boolean selfIssued = candidate.getSubjectX500Principal().equals(candidate.getIssuerX500Principal());
        return signer == subject && selfIssued ? null : "a certificate cannot sign the CRL that decides its own status";
    }

    /** The candidate's own path to the same trust anchor (section 6.3.3 (f)), or {@code null} with a problem. */
    private static ValidatedPath pathOf(X509Certificate candidate, ValidatedPath path, Instant at, Set<String> problems) {
        List<X509Certificate> pool = new ArrayList<>(path.certificates());
        pool.addAll(path.otherCertificates());
        pool.remove(candidate);
        IssuerSelector.Path selected = IssuerSelector.select(candidate, pool, List.of(path.trustAnchor()),
                MAX_SIGNER_INTERMEDIATES);
        ValidationResult failure = selected.failure();
        if (failure == null) {
            failure = ValidityCheck.check(selected.withAnchor(), at);
        }
        if (failure == null) {
            failure = PkixCheck.check(selected, at);
        }
        if (failure != null) {
            problems.add("its signer's certificate has no valid path to the certificate's trust anchor ("
                    + failure.reason().code() + ")");
            return null;
        }
        List<X509Certificate> supplied = new ArrayList<>(pool);
        return ValidatedPath.of(selected.chain(), selected.anchor(), supplied);
    }

    private static boolean verifies(LoadedCrl crl, PublicKey key) {
        try {
            crl.crl().verify(key);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Off-path signers: each certificate of the signer's path not on the certificate's path must be unrevoked. */
    private static String signerRevocationProblem(X509Certificate candidate, ValidatedPath signerPath,
            ValidatedPath path, Set<X509Certificate> inProgress, SignerRevocation revocation) {
        Set<X509Certificate> nested = new HashSet<>(inProgress);
        nested.add(candidate);
        for (X509Certificate certificate : signerPath.certificates()) {
            if (path.contains(certificate)) {
                continue;
            }
            String problem = revocation.problem(certificate, signerPath, Set.copyOf(nested));
            if (problem != null) {
                return "its signer's certificate " + problem;
            }
        }
        return null;
    }
}
