package io.mynagate.bridge.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Every text of the pages, by message key, in Japanese and English ({@code texts_ja.properties},
 * {@code texts_en.properties} beside this class, UTF-8). Refusals are keyed by their reason code
 * ({@code refusal.request_expired}), so that one {@code switch}-free lookup maps each
 * {@link io.mynagate.jpki.Reason} to its sentence. {@code {0}} in a text is replaced by an argument.
 */
final class Texts {
    private static final Map<Language, Properties> TEXTS = load();

    private Texts() {}

    /**
     * @return the text of {@code key} in {@code language}, with {@code {0}}, {@code {1}} ... replaced
     * @throws IllegalArgumentException when the key has no text (a bug: both files have every key)
     */
    static String get(Language language, String key, Object... arguments) {
        String text = TEXTS.get(language).getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("no text for " + key);
        }
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    /** @return whether {@code key} has a text (both files have the same keys; a test checks it) */
    static boolean has(String key) {
        return TEXTS.get(Language.JA).containsKey(key);
    }

    /** For the test that both languages have the same keys. */
    static Properties all(Language language) {
        Properties copy = new Properties();
        copy.putAll(TEXTS.get(language));
        return copy;
    }

    private static Map<Language, Properties> load() {
        Map<Language, Properties> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Properties properties = new Properties();
            String name = "texts_" + language.tag() + ".properties";
            try (InputStream in = Texts.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + name);
                }
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            texts.put(language, properties);
        }
        return texts;
    }
}
