package io.mynagate.bridge.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The parameters of a request's query string (WHATWG URL section 5.1). */
final class Query {
    private Query() {}

    /**
     * @param rawQuery the raw query, may be null
     * @param name the parameter
     * @return its decoded value; null when absent, given more than once, or not decodable
     */
    static String single(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        String found = null;
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (!key.equals(name)) {
                continue;
            }
            if (found != null) {
                return null;
            }
            try {
                found = URLDecoder.decode(equals < 0 ? "" : pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return found;
    }
}
