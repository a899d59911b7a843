package io.mynagate.keycloak.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.Reason;
import io.mynagate.jpki.identity.CertificateIdKey;
import io.mynagate.jpki.pem.PemCertificates;
import io.mynagate.jpki.validation.OcspEvidence;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Event details carry the keyed certificate id and the deciding evidence, never the certificate. */
class CardEventsTest {
    private static final CertificateIdKey KEY = CertificateIdKey.of(new byte[32]);
    private static final X509Certificate CERTIFICATE = certificate();

    @Test
    void recordsTheKeyedCertificateIdAndEveryEntryOfTheOcspEvidence() {
        OcspEvidence evidence = new OcspEvidence("http://ocsp.example/", true, Instant.parse("2026-01-02T03:04:05Z"),
                Instant.parse("2026-01-02T03:00:00Z"), null, true);

        Map<String, String> details = CardEvents.of(KEY.idOf(CERTIFICATE), Optional.of(evidence));

        assertThat(details)
                .containsEntry(CardEvents.CERTIFICATE_ID, KEY.idOf(CERTIFICATE).value())
                .containsEntry("myna_revocation_type", "ocsp")
                .containsEntry("myna_revocation_responder", "http://ocsp.example/")
                .containsEntry("myna_revocation_producedAt", "2026-01-02T03:04:05Z");
    }

    @Test
    void namesTheSignersCertificateIdWhenItsKindWasWrong() {
        Map<String, String> details = CardEvents.of(refusal(Reason.CERTIFICATE_KIND_MISMATCH), assertionWith(CERTIFICATE), KEY);

        assertThat(details).containsExactly(Map.entry(CardEvents.CERTIFICATE_ID, KEY.idOf(CERTIFICATE).value()));
    }

    // Before the signature verified, the header's certificate is whatever the sender wrote.
    @Test
    void namesNoCertificateIdForARefusalBeforeTheCertificateChecks() {
        assertThat(CardEvents.of(refusal(Reason.INVALID_SIGNATURE), assertionWith(CERTIFICATE), KEY)).isEmpty();
    }

    @Test
    void namesNoCertificateIdForAnAnswerThatIsNoJws() {
        assertThat(CardEvents.of(refusal(Reason.CERTIFICATE_KIND_MISMATCH), "not-a-jws", KEY)).isEmpty();
    }

    @Test
    void neverHoldsTheCertificateItself() throws Exception {
        String der = Base64.getEncoder().encodeToString(CERTIFICATE.getEncoded());

        assertThat(CardEvents.of(refusal(Reason.CERTIFICATE_KIND_MISMATCH), assertionWith(CERTIFICATE), KEY).values())
                .noneMatch(value -> value.contains(der.substring(0, 40)));
    }

    private static JpkiException refusal(Reason reason) {
        return new JpkiException(reason, "refused") {
            private static final long serialVersionUID = 1L;
        };
    }

    private static String assertionWith(X509Certificate certificate) {
        try {
            String header = "{\"alg\":\"RS256\",\"typ\":\"jpki-assertion+jwt\",\"x5c\":[\""
                    + Base64.getEncoder().encodeToString(certificate.getEncoded()) + "\"]}";
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            return url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + url.encodeToString("{\"purpose\":\"auth\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + url.encodeToString(new byte[256]);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate() {
        try {
            return PemCertificates.parse(CardAuthenticatorConfigTest.resource("jpki-roots/auth_ca_2023.pem")).get(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
