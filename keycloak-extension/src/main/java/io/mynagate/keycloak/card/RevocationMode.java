package io.mynagate.keycloak.card;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where the card authenticator asks whether a certificate is revoked: the admin setting
 * {@value CardAuthenticatorConfig#REVOCATION_MODE}. There is no "off": a realm that cannot reach any
 * source either fixes that or, loudly, sets {@value CardAuthenticatorConfig#REVOCATION_FAIL_OPEN}.
 */
public enum RevocationMode {
    /** OCSP only (RFC 6960): the responder of the certificate's authorityInfoAccess, or the configured one. */
    OCSP("ocsp"),
    /** CRLs only (RFC 5280), from the configured URLs. */
    CRL("crl"),
    /** OCSP first (same-day answers), the CRLs when OCSP fails; a revoked or unknown answer is final. */
    OCSP_THEN_CRL("ocsp,crl");

    private final String setting;

    RevocationMode(String setting) {
        this.setting = setting;
    }

    /** @return the value as written in the admin setting, e.g. {@code ocsp,crl} */
    public String setting() {
        return setting;
    }

    /** @return whether OCSP is asked */
    public boolean usesOcsp() {
        return this != CRL;
    }

    /** @return whether CRLs are read */
    public boolean usesCrl() {
        return this != OCSP;
    }

    /**
     * @param value the admin setting; case and blanks around the comma do not matter
     * @return the mode
     * @throws InvalidCardConfigException when the value is none of {@code ocsp}, {@code crl}, {@code ocsp,crl}
     */
    public static RevocationMode parse(String value) {
        String normalized = value.strip().toLowerCase(Locale.ROOT).replaceAll("\\s*,\\s*", ",");
        for (RevocationMode mode : values()) {
            if (mode.setting.equals(normalized)) {
                return mode;
            }
        }
        throw new InvalidCardConfigException(CardAuthenticatorConfig.REVOCATION_MODE,
                "must be one of " + allowed());
    }

    static String allowed() {
        return Arrays.stream(values()).map(RevocationMode::setting).collect(Collectors.joining(" | "));
    }
}
