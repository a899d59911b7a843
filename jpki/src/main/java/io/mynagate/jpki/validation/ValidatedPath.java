package io.mynagate.jpki.validation;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The certification path that path validation accepted, as a {@link RevocationSource} sees it: the
 * certificates from the end entity upwards (trust anchor excluded), the trust anchor, and the other
 * certificates the caller supplied that are not on the path. A CRL source needs all three to find a CRL
 * signer other than the certificate's issuer (another key of the same CA, a separate CRL-signing
 * certificate, an indirect CRL issuer) and to validate that signer's path to the same trust anchor
 * (RFC 5280 section 6.3.3 (f)), and to inherit DSA parameters along the path (section 6.1.4 (f)).
 *
 * <p>Immutable and thread-safe. Holds certificates, not personal data; never log it whole.
 */
public final class ValidatedPath {
    private final List<X509Certificate> certificates;
    private final X509Certificate trustAnchor;
    private final List<X509Certificate> otherCertificates;

    private ValidatedPath(List<X509Certificate> certificates, X509Certificate trustAnchor,
            List<X509Certificate> otherCertificates) {
        this.certificates = certificates;
        this.trustAnchor = trustAnchor;
        this.otherCertificates = otherCertificates;
    }

    /**
     * @param certificates the path, end entity first, trust anchor excluded; at least one
     * @param trustAnchor the anchor the path ends at
     * @param supplied every certificate the caller supplied; those on the path are dropped
     */
    static ValidatedPath of(List<X509Certificate> certificates, X509Certificate trustAnchor,
            Collection<X509Certificate> supplied) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a path has at least one certificate");
        }
        List<X509Certificate> others = new ArrayList<>();
        for (X509Certificate certificate : supplied) {
            if (!certificates.contains(certificate) && !certificate.equals(trustAnchor)
                    && !others.contains(certificate)) {
                others.add(certificate);
            }
        }
        return new ValidatedPath(List.copyOf(certificates), Objects.requireNonNull(trustAnchor, "trustAnchor"),
                List.copyOf(others));
    }

    /**
     * A path known only as "this certificate, issued by that one" (callers of
     * {@code RevocationSource.check(certificate, issuer, at)}): the issuer stands in for
     * the trust anchor, so only CRLs signed by the issuer's own key can be used.
     */
    static ValidatedPath issuedBy(X509Certificate certificate, X509Certificate issuer) {
        return new ValidatedPath(List.of(certificate), issuer, List.of());
    }

    /** @return the path, end entity first, trust anchor excluded; never empty */
    public List<X509Certificate> certificates() {
        return certificates;
    }

    /** @return the trust anchor the path ends at, never {@code null} */
    public X509Certificate trustAnchor() {
        return trustAnchor;
    }

    /**
     * @return certificates the caller supplied that are not on the path (possible CRL signers), possibly
     *     empty, never {@code null}
     */
    public List<X509Certificate> otherCertificates() {
        return otherCertificates;
    }

    /**
     * @param certificate a certificate of {@link #certificates()}
     * @return the next certificate up the path, or the trust anchor for the last one
     * @throws IllegalArgumentException when {@code certificate} is not on the path
     */
    public X509Certificate issuerOf(X509Certificate certificate) {
        int index = certificates.indexOf(certificate);
        if (index < 0) {
            throw new IllegalArgumentException("the certificate is not on this path");
        }
        return index + 1 < certificates.size() ? certificates.get(index + 1) : trustAnchor;
    }

    /** @return whether {@code certificate} is on the path or is its trust anchor */
    boolean contains(X509Certificate certificate) {
        return certificates.contains(certificate) || trustAnchor.equals(certificate);
    }

    /**
     * @return the certificates above {@code certificate} up to and including the trust anchor (empty for
     *     the anchor itself), for inheriting DSA parameters
     */
    List<X509Certificate> above(X509Certificate certificate) {
        if (trustAnchor.equals(certificate)) {
            return List.of();
        }
        List<X509Certificate> above = new ArrayList<>(
                certificates.subList(certificates.indexOf(certificate) + 1, certificates.size()));
        above.add(trustAnchor);
        return above;
    }
}
