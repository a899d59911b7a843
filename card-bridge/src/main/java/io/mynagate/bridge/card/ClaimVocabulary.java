package io.mynagate.bridge.card;

import java.util.List;

/**
 * The claim vocabulary of attribute release (docs/login-protocol.md, "Claims"): {@code name},
 * {@code address}, {@code birthdate}, {@code gender} and {@code age_over_NN} with NN from 1 to 150 in
 * decimal without a leading zero. Every claim has exactly one spelling, so the bridge signs the names
 * the identity provider will compare as strings.
 *
 * <p>The same rule as {@code io.mynagate.jpki.claims.ClaimName}, which is not on this branch yet; once
 * it is, {@link #isClaimName(String)} becomes {@code ClaimName.parse(name).isPresent()}.
 */
final class ClaimVocabulary {
    private static final List<String> BASIC = List.of("name", "address", "birthdate", "gender");
    private static final String AGE_OVER = "age_over_";
    private static final int MAX_AGE = 150;
    private static final int MAX_AGE_DIGITS = 3;

    private ClaimVocabulary() {}

    /** Whether {@code name} is a claim of the vocabulary in its one spelling; false for null. */
    static boolean isClaimName(String name) {
        if (name == null) {
            return false;
        }
        if (BASIC.contains(name)) {
            return true;
        }
        return name.startsWith(AGE_OVER) && isAgeThreshold(name.substring(AGE_OVER.length()));
    }

    /** ASCII digits only (not Character.isDigit: other scripts' digits would be a second spelling). */
    private static boolean isAgeThreshold(String digits) {
        if (digits.isEmpty() || digits.length() > MAX_AGE_DIGITS || digits.charAt(0) == '0') {
            return false;
        }
        int years = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            years = years * 10 + (c - '0');
        }
        return years <= MAX_AGE;
    }

    /** The vocabulary, for messages. */
    static String describe() {
        return String.join(", ", BASIC) + ", age_over_NN (NN 1-" + MAX_AGE + ")";
    }
}
