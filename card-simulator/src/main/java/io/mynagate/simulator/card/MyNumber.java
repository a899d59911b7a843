package io.mynagate.simulator.card;

import java.security.SecureRandom;

/**
 * Fake individual numbers (個人番号) with a valid check digit (docs/jpki.md section 5). Only the
 * card-info application of the simulator holds one; nothing else should ever read it.
 */
public final class MyNumber {
    private static final int[] WEIGHTS = {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    private static final SecureRandom RANDOM = new SecureRandom();

    private MyNumber() {}

    /**
     * Check digit of the first 11 digits.
     *
     * @param elevenDigits exactly 11 ASCII digits
     * @return the 12th digit, 0-9
     * @throws IllegalArgumentException when the input is not 11 digits
     */
    public static int checkDigit(String elevenDigits) {
        if (elevenDigits == null || !elevenDigits.matches("[0-9]{11}")) {
            throw new IllegalArgumentException("expected 11 digits");
        }
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (elevenDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        int r = sum % 11;
        return r <= 1 ? 0 : 11 - r;
    }

    /** True when the value is 12 digits whose last digit is the check digit of the others. */
    public static boolean isValid(String twelveDigits) {
        return twelveDigits != null && twelveDigits.matches("[0-9]{12}")
                && checkDigit(twelveDigits.substring(0, 11)) == twelveDigits.charAt(11) - '0';
    }

    /** A random valid number. */
    public static String random() {
        StringBuilder digits = new StringBuilder(12);
        for (int i = 0; i < 11; i++) {
            digits.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return digits.append(checkDigit(digits.toString())).toString();
    }
}
