package io.mynagate.jpki.claims;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One name of the claim vocabulary: {@value #NAME_VALUE}, {@value #ADDRESS_VALUE},
 * {@value #BIRTHDATE_VALUE}, {@value #GENDER_VALUE} (OpenID Connect Core 1.0 section 5.1), or
 * {@code age_over_NN} for an age threshold NN from {@value #MIN_AGE} to {@value #MAX_AGE}.
 *
 * <p>Every name has exactly one spelling: lower case, and NN in decimal without sign or leading zero
 * ({@code age_over_18}, never {@code age_over_018} or {@code Age_Over_18}). So two lists of names
 * compare as strings, and a consent page or a consent record cannot hold the same claim twice under
 * two spellings.
 *
 * <p>{@code age_over_NN} is true when the resident is NN years old or older on the day it is
 * computed. The range excludes 0 (always true, so it says nothing) and stops at 150 (beyond any
 * human age); any threshold a law uses (18, 20, 65, ...) is inside it.
 *
 * <p>Immutable and thread-safe; compare with {@link #equals(Object)}.
 */
public final class ClaimName {
    /** JSON value of {@link #NAME}. */
    public static final String NAME_VALUE = "name";
    /** JSON value of {@link #ADDRESS}. */
    public static final String ADDRESS_VALUE = "address";
    /** JSON value of {@link #BIRTHDATE}. */
    public static final String BIRTHDATE_VALUE = "birthdate";
    /** JSON value of {@link #GENDER}. */
    public static final String GENDER_VALUE = "gender";
    /** The prefix of the derived age claims; NN follows. */
    public static final String AGE_OVER_PREFIX = "age_over_";
    /** The smallest age threshold of {@code age_over_NN}. */
    public static final int MIN_AGE = 1;
    /** The largest age threshold of {@code age_over_NN}. */
    public static final int MAX_AGE = 150;

    /** The full name (氏名), from the signature certificate. */
    public static final ClaimName NAME = new ClaimName(NAME_VALUE, 0);
    /** The address (住所), from the signature certificate. */
    public static final ClaimName ADDRESS = new ClaimName(ADDRESS_VALUE, 0);
    /** The birth date (生年月日), from the signature certificate. */
    public static final ClaimName BIRTHDATE = new ClaimName(BIRTHDATE_VALUE, 0);
    /** The sex (性別) as the OIDC {@code gender} claim, from the signature certificate. */
    public static final ClaimName GENDER = new ClaimName(GENDER_VALUE, 0);

    private static final List<ClaimName> BASIC = List.of(NAME, ADDRESS, BIRTHDATE, GENDER);
    /** Digits of {@link #MAX_AGE}; longer digit strings are refused before conversion. */
    private static final int MAX_AGE_DIGITS = 3;

    private final String value;
    /** The NN of {@code age_over_NN}; 0 for the basic claims. */
    private final int ageThreshold;

    private ClaimName(String value, int ageThreshold) {
        this.value = value;
        this.ageThreshold = ageThreshold;
    }

    /**
     * The claim with this exact JSON name.
     *
     * @param value a claim name as received, may be null
     * @return the claim, or empty when {@code value} is null or not in the vocabulary (including
     *     another spelling of a valid name)
     */
    public static Optional<ClaimName> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (ClaimName basic : BASIC) {
            if (basic.value.equals(value)) {
                return Optional.of(basic);
            }
        }
        if (!value.startsWith(AGE_OVER_PREFIX)) {
            return Optional.empty();
        }
        OptionalInt age = canonicalAge(value.substring(AGE_OVER_PREFIX.length()));
        return age.isPresent() ? Optional.of(ageOver(age.getAsInt())) : Optional.empty();
    }

    /**
     * @param value a claim name
     * @return the claim
     * @throws IllegalArgumentException when {@code value} is not in the vocabulary
     */
    public static ClaimName of(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("not a claim name of the vocabulary"));
    }

    /**
     * @param years the threshold NN, from {@value #MIN_AGE} to {@value #MAX_AGE}
     * @return {@code age_over_NN}
     * @throws IllegalArgumentException when {@code years} is out of range
     */
    public static ClaimName ageOver(int years) {
        if (years < MIN_AGE || years > MAX_AGE) {
            throw new IllegalArgumentException("age threshold must be " + MIN_AGE + ".." + MAX_AGE);
        }
        return new ClaimName(AGE_OVER_PREFIX + years, years);
    }

    /** @return the four claims backed directly by a basic attribute, in a fixed order */
    public static List<ClaimName> basic() {
        return BASIC;
    }

    /** Decimal digits without sign or leading zero, in range; anything else is not a threshold. */
    private static OptionalInt canonicalAge(String digits) {
        if (digits.isEmpty() || digits.length() > MAX_AGE_DIGITS || digits.charAt(0) == '0') {
            return OptionalInt.empty();
        }
        int years = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            // Only ASCII digits: Character.isDigit would accept other scripts' digits, a second spelling.
            if (c < '0' || c > '9') {
                return OptionalInt.empty();
            }
            years = years * 10 + (c - '0');
        }
        return years >= MIN_AGE && years <= MAX_AGE ? OptionalInt.of(years) : OptionalInt.empty();
    }

    /** @return the JSON name, e.g. {@code birthdate} or {@code age_over_18}; never null */
    public String value() {
        return value;
    }

    /** @return whether this is an {@code age_over_NN} claim, derived from the birth date */
    public boolean isAgeOver() {
        return ageThreshold != 0;
    }

    /** @return NN of {@code age_over_NN}, or empty for the basic claims */
    public OptionalInt ageThreshold() {
        return isAgeOver() ? OptionalInt.of(ageThreshold) : OptionalInt.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClaimName && ((ClaimName) other).value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    /** @return {@link #value()} */
    @Override
    public String toString() {
        return value;
    }
}
