package io.mynagate.keycloak.card;

import io.mynagate.jpki.pem.MalformedPemException;
import io.mynagate.jpki.pem.PemCertificates;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keycloak.models.Constants;

/**
 * Reads the raw values of an authenticator config as {@link CardAuthenticatorConfig} needs them, one
 * typed reader per kind of value, each refusing a bad value with an {@link InvalidCardConfigException}
 * that names the setting. A blank value counts as absent (the admin console stores cleared fields as
 * empty strings).
 */
final class Settings {
    private static final Pattern DELIMITER = Pattern.compile(Pattern.quote(Constants.CFG_DELIMITER));

    private final Map<String, String> values;

    Settings(Map<String, String> values) {
        this.values = values;
    }

    Optional<String> optional(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    String required(String key) {
        return optional(key).orElseThrow(() -> new InvalidCardConfigException(key, "required"));
    }

    List<String> list(String key) {
        return optional(key).stream()
                .flatMap(value -> Arrays.stream(DELIMITER.split(value)))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    int integer(String key, int defaultValue, int min, int max) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new InvalidCardConfigException(key, "a whole number from " + min + " to " + max + " expected");
        }
        if (parsed < min || parsed > max) {
            throw new InvalidCardConfigException(key, parsed + " is outside " + min + " to " + max);
        }
        return parsed;
    }

    boolean bool(String key, boolean defaultValue) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidCardConfigException(key, "true or false expected");
        };
    }

    /** Required: at least one certificate, each a CA (basicConstraints cA). */
    List<X509Certificate> caCertificates(String key) {
        List<X509Certificate> certificates = certificates(key, required(key));
        for (int i = 0; i < certificates.size(); i++) {
            if (certificates.get(i).getBasicConstraints() < 0) {
                throw new InvalidCardConfigException(key,
                        "certificate " + (i + 1) + " of " + certificates.size() + " is not a CA certificate");
            }
        }
        return certificates;
    }

    Optional<X509Certificate> oneCertificate(String key) {
        return optional(key).map(pem -> {
            List<X509Certificate> certificates = certificates(key, pem);
            if (certificates.size() != 1) {
                throw new InvalidCardConfigException(key,
                        "exactly one certificate expected, found " + certificates.size());
            }
            return certificates.get(0);
        });
    }

    Optional<URI> httpUrl(String key) {
        return optional(key).map(value -> httpUrl(key, value));
    }

    List<URI> httpUrls(String key) {
        return list(key).stream().map(value -> httpUrl(key, value)).toList();
    }

    // The bridge runs on the resident's own computer; any other host would send the browser, and the
    // login request, somewhere else.
    URI loopbackUrl(String key, String defaultValue) {
        URI url = httpUrl(key, optional(key).orElse(defaultValue));
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new InvalidCardConfigException(key, "no query or fragment: the login adds its own");
        }
        if (!isLoopback(url.getHost())) {
            throw new InvalidCardConfigException(key,
                    "must be on the resident's own computer: 127.0.0.1, [::1] or localhost");
        }
        return url;
    }

    // A token without spaces or quotes (RFC 6749 section 3.3 scope-token syntax), so it fits acr_values
    // and log lines.
    String token(String key, String defaultValue) {
        String value = optional(key).orElse(defaultValue);
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != '\\')) {
            throw new InvalidCardConfigException(key, "printable ASCII without spaces or quotes expected");
        }
        return value;
    }

    private static List<X509Certificate> certificates(String key, String pem) {
        try {
            return PemCertificates.parse(pem);
        } catch (MalformedPemException e) {
            // PemCertificates names the line and the problem, never the content.
            throw new InvalidCardConfigException(key, e.getMessage(), e);
        }
    }

    private static URI httpUrl(String key, String value) {
        URI url;
        try {
            url = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidCardConfigException(key, "not a valid URL (at index " + e.getIndex() + ")");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new InvalidCardConfigException(key, "not an absolute http(s) URL");
        }
        if (url.getRawUserInfo() != null) {
            throw new InvalidCardConfigException(key, "credentials in the URL are not accepted");
        }
        return url;
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only IP literals reach InetAddress, so this never asks DNS.
        boolean literal = host.startsWith("[") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
        if (!literal) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
