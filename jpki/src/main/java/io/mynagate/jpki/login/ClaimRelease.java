package io.mynagate.jpki.login;

import io.mynagate.jpki.profile.BasicAttributes;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The claim vocabulary of attribute release and the values each claim takes from the four basic
 * attributes of a signature certificate (docs/architecture.md, "Attribute sharing"):
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
    private static final Pattern AGE_OVER = Pattern.compile("age_over_([1-9][0-9]?|1[0-4][0-9]|150)");
    private static final List<String> FIXED = List.of("name", "address", "birthdate", "gender");

    private ClaimRelease() {}

    /** @return whether {@code name} is a claim of the vocabulary */
    static boolean isKnown(String name) {
        return name != null && (FIXED.contains(name) || AGE_OVER.matcher(name).matches());
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
            values.put(name, value(name, attributes, today));
        }
        return Collections.unmodifiableMap(values);
    }

    private static Object value(String name, BasicAttributes attributes, LocalDate today) {
        switch (name) {
            case "name":
                return attributes.name();
            case "address":
                return attributes.address();
            case "birthdate":
                return attributes.birthDate().toString();
            case "gender":
                switch (attributes.sex()) {
                    case MALE: return "male";
                    case FEMALE: return "female";
                    default: return "unknown";
                }
            default:
                Matcher age = AGE_OVER.matcher(name);
                if (!age.matches()) {
                    throw new IllegalArgumentException("not a claim of the vocabulary: " + name);
                }
                return attributes.ageOverAt(Integer.parseInt(age.group(1)), today);
        }
    }
}
