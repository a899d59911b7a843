package io.mynagate.jpki.login;

import io.mynagate.jpki.claims.ClaimName;
import io.mynagate.jpki.profile.BasicAttributes;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values each claim of the vocabulary ({@link ClaimName}) takes from the four basic attributes of
 * a signature certificate (docs/login-protocol.md, "Claims"):
 *
 * <table>
 *   <caption>Claims</caption>
 *   <tr><th>claim</th><th>value</th></tr>
 *   <tr><td>{@code name}</td><td>the name (氏名) as in the certificate, a string</td></tr>
 *   <tr><td>{@code address}</td><td>the address (住所), a string</td></tr>
 *   <tr><td>{@code birthdate}</td><td>the birth date, {@code YYYY-MM-DD} (OpenID Connect Core 5.1)</td></tr>
 *   <tr><td>{@code gender}</td><td>{@code male}, {@code female}, or {@code unknown} for code 3</td></tr>
 *   <tr><td>{@code age_over_NN}</td><td>a boolean: whether the resident is NN or older on the day of the
 *       login in Japan (Asia/Tokyo); NN from 1 to 150, no leading zero. The birth date is not released.</td></tr>
 * </table>
 */
final class ClaimRelease {
    private ClaimRelease() {}

    /** @return whether {@code name} is a claim of the vocabulary, in its one spelling */
    static boolean isKnown(String name) {
        return ClaimName.parse(name).isPresent();
    }

    /**
     * @param approved approved claim names, each known
     * @param attributes the signature certificate's attributes
     * @param today the date in Japan at the login
     * @return the values of exactly the approved claims, in their order
     */
    static Map<String, Object> values(List<String> approved, BasicAttributes attributes, LocalDate today) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : approved) {
            values.put(name, value(ClaimName.of(name), attributes, today));
        }
        return Collections.unmodifiableMap(values);
    }

    private static Object value(ClaimName claim, BasicAttributes attributes, LocalDate today) {
        if (claim.isAgeOver()) {
            return attributes.ageOverAt(claim.ageThreshold().getAsInt(), today);
        }
        switch (claim.value()) {
            case ClaimName.NAME_VALUE:
                return attributes.name();
            case ClaimName.ADDRESS_VALUE:
                return attributes.address();
            case ClaimName.BIRTHDATE_VALUE:
                return attributes.birthDate().toString();
            case ClaimName.GENDER_VALUE:
                switch (attributes.sex()) {
                    case MALE: return "male";
                    case FEMALE: return "female";
                    default: return "unknown";
                }
            default:
                throw new IllegalArgumentException("not a claim of the vocabulary: " + claim);
        }
    }
}
