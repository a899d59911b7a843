package io.mynagate.bridge.server;

import java.util.Locale;

/**
 * The language of the bridge's pages: Japanese or English. Chosen by an explicit {@code lang} parameter
 * (the page's language link), else by the browser's {@code Accept-Language} (RFC 9110 section 12.5.4:
 * the first of {@code ja} and {@code en} by quality), else Japanese.
 */
enum Language {
    JA("ja"),
    EN("en");

    /** The most language ranges looked at; a longer header is not a browser's. */
    private static final int MAX_RANGES = 32;

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** @return the BCP 47 tag, {@code ja} or {@code en}, for {@code <html lang>} and the {@code lang} parameter */
    String tag() {
        return tag;
    }

    /** @return the other language, for the page's language link */
    Language other() {
        return this == JA ? EN : JA;
    }

    /**
     * @param explicit the {@code lang} parameter, may be null
     * @param acceptLanguage the {@code Accept-Language} header, may be null
     * @return the language of the page
     */
    static Language choose(String explicit, String acceptLanguage) {
        Language byParameter = ofTag(explicit);
        if (byParameter != null) {
            return byParameter;
        }
        return acceptLanguage == null ? JA : fromAcceptLanguage(acceptLanguage);
    }

    private static Language ofTag(String value) {
        if (value == null) {
            return null;
        }
        for (Language language : values()) {
            if (language.tag.equals(value)) {
                return language;
            }
        }
        return null;
    }

    private static Language fromAcceptLanguage(String header) {
        Language best = null;
        double bestQuality = 0;
        String[] ranges = header.split(",", MAX_RANGES + 1);
        for (int i = 0; i < Math.min(ranges.length, MAX_RANGES); i++) {
            String[] parts = ranges[i].trim().split(";");
            String primary = parts[0].trim().toLowerCase(Locale.ROOT).split("-")[0];
            Language language = ofTag(primary);
            double quality = quality(parts);
            // Strictly greater: of equal qualities the first listed wins, as browsers list by preference.
            if (language != null && quality > bestQuality) {
                best = language;
                bestQuality = quality;
            }
        }
        return best == null ? JA : best;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    double q = Double.parseDouble(parameter.substring(2));
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
