package io.mynagate.jpki.validation;

import io.mynagate.jpki.Reason;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * Builds the one path to validate: from the end entity upwards, preferring a trust anchor over an
 * intermediate at each step. A candidate issuer must have the child's issuer name as subject (RFC 5280
 * name chaining) and, when both are present, a subjectKeyIdentifier equal to the child's
 * authorityKeyIdentifier. When several candidates remain (root generations with one DN and no key
 * identifiers) the child's signature decides; a single remaining candidate's signature is checked by PKIX.
 */
final class IssuerSelector {
    /*
     * Parsed key identifiers by the extension's exact bytes. All cards of one CA carry the same
     * authorityKeyIdentifier and the anchors are few, while Bouncy Castle's parse of one (with the issuer
     * name and serial it holds) costs a fifth of an RSA verification; the parse depends on the bytes only.
     */
    private static final DerMemo<Optional<byte[]>> AUTHORITY_KEY_IDS = new DerMemo<>(256);
    private static final DerMemo<byte[]> SUBJECT_KEY_IDS = new DerMemo<>(256);

    private IssuerSelector() {}

    /** The chosen path (end entity first, anchor excluded) and anchor, or a failure. */
    record Path(List<X509Certificate> chain, X509Certificate anchor, ValidationResult failure) {
        List<X509Certificate> withAnchor() {
            List<X509Certificate> all = new ArrayList<>(chain);
            all.add(anchor);
            return all;
        }
    }

    static Path select(X509Certificate certificate, List<X509Certificate> intermediates,
            List<X509Certificate> anchors, int maxIntermediates) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        X509Certificate current = certificate;
        while (true) {
            List<X509Certificate> anchorIssuers = issuers(current, anchors);
            if (!anchorIssuers.isEmpty()) {
                return new Path(List.copyOf(chain), anchorIssuers.get(0), null);
            }
            if (chain.size() > maxIntermediates) {
                return failure("no trust anchor within " + maxIntermediates + " intermediates");
            }
            List<X509Certificate> pool = new ArrayList<>(intermediates);
            pool.removeAll(chain);
            List<X509Certificate> next = issuers(current, pool);
            if (next.isEmpty()) {
                return failure("no configured trust anchor or given intermediate issued "
                        + (current == certificate ? "the end-entity certificate" : "an intermediate")
                        + " (issuer " + current.getIssuerX500Principal().getName() + ")");
            }
            current = next.get(0);
            chain.add(current);
        }
    }

    private static Path failure(String message) {
        return new Path(List.of(), null,
                ValidationResult.invalid(Reason.NO_TRUSTED_PATH, message, null));
    }

    private static List<X509Certificate> issuers(X509Certificate child, List<X509Certificate> pool) {
        byte[] authorityKeyId = authorityKeyId(child);
        List<X509Certificate> candidates = new ArrayList<>();
        for (X509Certificate candidate : pool) {
            if (!candidate.getSubjectX500Principal().equals(child.getIssuerX500Principal())) {
                continue;
            }
            byte[] subjectKeyId = subjectKeyId(candidate);
            if (authorityKeyId != null && subjectKeyId != null && !Arrays.equals(authorityKeyId, subjectKeyId)) {
                continue;
            }
            candidates.add(candidate);
        }
        if (candidates.size() > 1) {
            candidates.removeIf(candidate -> !signedBy(child, candidate));
        }
        return candidates;
    }

    private static boolean signedBy(X509Certificate child, X509Certificate candidate) {
        try {
            child.verify(candidate.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    static byte[] authorityKeyId(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        if (value == null) {
            return null;
        }
        return AUTHORITY_KEY_IDS.get(value, IssuerSelector::parseAuthorityKeyId).map(byte[]::clone).orElse(null);
    }

    private static Optional<byte[]> parseAuthorityKeyId(byte[] value) {
        try {
            return Optional.ofNullable(AuthorityKeyIdentifier.getInstance(
                    JcaX509ExtensionUtils.parseExtensionValue(value)).getKeyIdentifierOctets());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("malformed authorityKeyIdentifier", e);
        }
    }

    static byte[] subjectKeyId(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (value == null) {
            return null;
        }
        return SUBJECT_KEY_IDS.get(value, IssuerSelector::parseSubjectKeyId).clone();
    }

    private static byte[] parseSubjectKeyId(byte[] value) {
        try {
            return ASN1OctetString.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value)).getOctets();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("malformed subjectKeyIdentifier", e);
        }
    }
}
