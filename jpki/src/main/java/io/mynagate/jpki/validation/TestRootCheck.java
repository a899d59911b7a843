package io.mynagate.jpki.validation;

import io.mynagate.jpki.Reason;

import java.security.cert.X509Certificate;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Refuses paths through certificates named {@code O=JPKI-TEST} (test cards) unless test roots are allowed. */
final class TestRootCheck {
    static final String TEST_ORGANIZATION = "JPKI-TEST";
    /* By the name's DER: the few CA names of the path come back on every validation, and each parse by
       Bouncy Castle costs a tenth of an RSA verification. */
    private static final DerMemo<Boolean> TEST_NAMES = new DerMemo<>(256);

    private TestRootCheck() {}

    static ValidationResult check(IssuerSelector.Path path) {
        for (X509Certificate certificate : path.withAnchor().subList(1, path.chain().size() + 1)) {
            if (isTestName(certificate.getSubjectX500Principal())) {
                return ValidationResult.invalid(Reason.TEST_ROOT_REFUSED,
                        "the path ends at a JPKI-TEST root (" + certificate.getSubjectX500Principal().getName()
                                + "); test roots are not allowed", null);
            }
        }
        return null;
    }

    static boolean isTestName(X500Principal name) {
        return TEST_NAMES.get(name.getEncoded(), TestRootCheck::namesTestOrganization);
    }

    private static boolean namesTestOrganization(byte[] name) {
        for (RDN rdn : X500Name.getInstance(name).getRDNs(BCStyle.O)) {
            if (TEST_ORGANIZATION.equals(IETFUtils.valueToString(rdn.getFirst().getValue()))) {
                return true;
            }
        }
        return false;
    }
}
