package io.mynagate.jpki.identity;

import java.util.Objects;

/**
 * A renewal link: the certificate with id {@code previous} was replaced by the one with id {@code next}
 * (a new card, or a renewed certificate, has a new serial). Platform operators provide such pairs;
 * with them an identity provider keeps a resident's user, and so the pairwise {@code sub}, across
 * renewal: a login with {@code next} that finds no user looks up the link and moves the user of
 * {@code previous} to {@code next}.
 *
 * @param previous the id of the renewed certificate
 * @param next the id of its successor, different from {@code previous}
 */
public record CertificateLink(CertificateId previous, CertificateId next) {

    /** Checks both ids are present and different. */
    public CertificateLink {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(next, "next");
        if (previous.equals(next)) {
            throw new IllegalArgumentException("a certificate cannot be linked to itself");
        }
    }
}
