package io.mynagate.bridge.server;

/**
 * Builds an HTML page as text. Every value from outside the bridge (the service's display name, the
 * issuer) goes through {@link #text(String)}, which escapes it for element content and attribute values
 * alike; only the bridge's own markup is appended raw.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(4096);

    /** Appends the bridge's own markup, never a value from outside. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends a value, escaped. */
    Html text(String value) {
        out.append(escape(value));
        return this;
    }

    /** @return {@code value} with {@code & < > " '} escaped, safe in content and in quoted attributes */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
