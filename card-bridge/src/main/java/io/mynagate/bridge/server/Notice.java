package io.mynagate.bridge.server;

import java.util.List;
import java.util.Objects;

/**
 * A message shown above the form after a POST that did not sign: a wrong PIN with its tries left, a PIN
 * of the wrong format, a last try not confirmed, a card removed.
 *
 * @param key the text key
 * @param arguments its arguments (numbers and reason codes only, never input)
 */
record Notice(String key, List<Object> arguments) {
    Notice {
        Objects.requireNonNull(key, "key");
        arguments = List.copyOf(arguments);
    }

    static Notice of(String key, Object... arguments) {
        return new Notice(key, List.of(arguments));
    }

    String text(Language language) {
        return Texts.get(language, key, arguments.toArray());
    }
}
