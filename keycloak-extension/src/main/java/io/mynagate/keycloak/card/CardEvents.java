package io.mynagate.keycloak.card;

import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.Reason;
import io.mynagate.jpki.identity.CertificateId;
import io.mynagate.jpki.identity.CertificateIdKey;
import io.mynagate.jpki.validation.CertificateValidationException;
import io.mynagate.jpki.validation.RevocationEvidence;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.Base64;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event details of a card login, never personal data: the keyed certificate id
 * ({@value #CERTIFICATE_ID}, never the certificate) and the revocation evidence that decided, as
 * {@value #REVOCATION_PREFIX}{@code <entry>} for each entry of {@link RevocationEvidence#toMap()}
 * (for OCSP the responder, {@code producedAt}, {@code thisUpdate}; for a CRL its issuer and number).
 */
final class CardEvents {
    /** Event detail: the keyed certificate id. */
    static final String CERTIFICATE_ID = "myna_certificate_id";
    /** Prefix of the event details of the revocation evidence. */
    static final String REVOCATION_PREFIX = "myna_revocation_";
    /** Event detail on a first login that created the user. */
    static final String USER_CREATED = "myna_user_created";

    private CardEvents() {}

    /** @return the details of a verified login */
    static Map<String, String> of(CertificateId id, Optional<RevocationEvidence> evidence) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put(CERTIFICATE_ID, id.value());
        evidence.ifPresent(e -> e.toMap().forEach((key, value) -> details.put(REVOCATION_PREFIX + key, value)));
        return details;
    }

    /**
     * The details of a refused assertion. The certificate id is given only when the refusal came after
     * the signature check, from the certificate's own checks (its kind, its path, its revocation): then the
     * certificate is the one that signed, not any text a sender put into the header.
     *
     * @return the details, possibly empty
     */
    static Map<String, String> of(JpkiException refusal, String assertion, CertificateIdKey key) {
        Map<String, String> details = new LinkedHashMap<>();
        boolean certificateStage = refusal instanceof CertificateValidationException
                || refusal.reason() == Reason.CERTIFICATE_KIND_MISMATCH;
        if (certificateStage) {
            signerCertificate(assertion).ifPresent(c -> details.put(CERTIFICATE_ID, key.idOf(c).value()));
        }
        if (refusal instanceof CertificateValidationException validation) {
            validation.result().evidence().ifPresent(e -> e.toMap()
                    .forEach((name, value) -> details.put(REVOCATION_PREFIX + name, value)));
        }
        return details;
    }

    private static Optional<X509Certificate> signerCertificate(String assertion) {
        try {
            List<Base64> chain = JWSObject.parse(assertion).getHeader().getX509CertChain();
            if (chain == null || chain.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(chain.get(0).decode())));
        } catch (ParseException | CertificateException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
