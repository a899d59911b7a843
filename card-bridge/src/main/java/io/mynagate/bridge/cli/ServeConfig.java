package io.mynagate.bridge.cli;

import io.mynagate.jpki.handoff.AllowedIssuer;
import io.mynagate.jpki.handoff.HandoffRequestVerifier;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration file of {@code card-bridge serve}: a Java properties file in UTF-8.
 *
 * <pre>
 * # the identity providers allowed to hand off (at least one): issuer URL and JWK set URL each
 * issuer.myna.url      = https://idp.example.jp/realms/myna
 * issuer.myna.jwks-uri = https://idp.example.jp/realms/myna/protocol/openid-connect/certs
 * port     = 18450        # default 18450
 * provider = JNA2PCSC     # default: jnasmartcardio, real readers through PC/SC
 * reader   =              # default: the first reader holding a JPKI card
 * allow-http-on-loopback = false   # demo only: identity providers over plain http on 127.0.0.1
 * </pre>
 *
 * <p>Every key must be one of these (a typo is an error, not a silently ignored line); the command line's
 * {@code --port}, {@code --provider} and {@code --reader} win over the file.
 */
final class ServeConfig {
    /** The file name in the default location. */
    static final String FILE_NAME = "card-bridge.properties";

    private static final Pattern ISSUER_KEY = Pattern.compile("issuer\\.([A-Za-z0-9_-]{1,64})\\.(url|jwks-uri)");
    private static final Set<String> PLAIN_KEYS = Set.of("port", "provider", "reader", "allow-http-on-loopback");

    /** One allowed identity provider. */
    record Issuer(String name, String url, URI jwksUri) {}

    private final List<Issuer> issuers;
    private final OptionalInt port;
    private final String provider;
    private final String reader;
    private final boolean allowHttpOnLoopback;

    private ServeConfig(List<Issuer> issuers, OptionalInt port, String provider, String reader,
            boolean allowHttpOnLoopback) {
        this.issuers = List.copyOf(issuers);
        this.port = port;
        this.provider = provider;
        this.reader = reader;
        this.allowHttpOnLoopback = allowHttpOnLoopback;
    }

    /**
     * The default location: {@code $XDG_CONFIG_HOME/card-bridge/card-bridge.properties}, where
     * {@code XDG_CONFIG_HOME} defaults to {@code ~/.config} (XDG Base Directory Specification).
     */
    static Path defaultLocation(Map<String, String> environment) {
        String xdg = environment.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("card-bridge").resolve(FILE_NAME);
    }

    /**
     * @throws IllegalArgumentException naming the file or the key that is wrong
     */
    static ServeConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no configuration file " + file + " (give one with --config FILE)");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("the configuration file " + file + " could not be read as UTF-8");
        }
    }

    /** @throws IllegalArgumentException naming the key that is wrong */
    static ServeConfig parse(Reader in) throws IOException {
        Properties properties = new Properties();
        properties.load(in);
        Map<String, String[]> issuerParts = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher issuer = ISSUER_KEY.matcher(key);
            if (issuer.matches()) {
                String[] parts = issuerParts.computeIfAbsent(issuer.group(1), name -> new String[2]);
                parts[issuer.group(2).equals("url") ? 0 : 1] = value(properties, key);
            } else if (!PLAIN_KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' in the configuration (keys: issuer.NAME.url, "
                        + "issuer.NAME.jwks-uri, port, provider, reader, allow-http-on-loopback)");
            }
        }
        return new ServeConfig(issuers(issuerParts), port(value(properties, "port")), value(properties, "provider"),
                value(properties, "reader"), flag(value(properties, "allow-http-on-loopback")));
    }

    private static List<Issuer> issuers(Map<String, String[]> parts) {
        List<Issuer> issuers = new ArrayList<>();
        for (Map.Entry<String, String[]> entry : parts.entrySet()) {
            String name = entry.getKey();
            String url = entry.getValue()[0];
            String jwks = entry.getValue()[1];
            if (url == null || jwks == null) {
                throw new IllegalArgumentException("issuer." + name + " needs both issuer." + name + ".url and issuer."
                        + name + ".jwks-uri");
            }
            URI jwksUri;
            try {
                jwksUri = new URI(jwks);
                AllowedIssuer.of(url, jwksUri);
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IllegalArgumentException("issuer." + name + ": the issuer and its JWK set must be absolute "
                        + "https URLs (http only on a loopback host, with allow-http-on-loopback)");
            }
            issuers.add(new Issuer(name, url, jwksUri));
        }
        if (issuers.isEmpty()) {
            throw new IllegalArgumentException("the configuration allows no identity provider: add issuer.NAME.url and "
                    + "issuer.NAME.jwks-uri");
        }
        return issuers;
    }

    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static OptionalInt port(String value) {
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number (1024..65535)");
        }
    }

    private static boolean flag(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new IllegalArgumentException("allow-http-on-loopback must be true or false");
    }

    /** @return the allowed identity providers, at least one, in name order */
    List<Issuer> issuers() {
        return issuers;
    }

    /** @return the configured port, if any */
    OptionalInt port() {
        return port;
    }

    /** @return the configured provider, if any */
    Optional<String> provider() {
        return Optional.ofNullable(provider);
    }

    /** @return the configured reader, if any */
    Optional<String> reader() {
        return Optional.ofNullable(reader);
    }

    /** @return whether identity providers over plain http on a loopback host are accepted (the demo) */
    boolean allowHttpOnLoopback() {
        return allowHttpOnLoopback;
    }

    /**
     * The hand-off verifier of this allowlist: JWK sets fetched with the default source's timeouts and
     * cache, used request ids remembered in memory.
     *
     * @throws IllegalArgumentException when an issuer uses http without {@code allow-http-on-loopback}
     */
    HandoffRequestVerifier verifier() {
        HandoffRequestVerifier.Builder builder = HandoffRequestVerifier.builder();
        for (Issuer issuer : issuers) {
            builder.allowIssuer(issuer.url(), issuer.jwksUri());
        }
        if (allowHttpOnLoopback) {
            builder.allowHttpOnLoopback();
        }
        try {
            return builder.build();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("an issuer or its JWK set uses http: https is required "
                    + "(allow-http-on-loopback = true allows http on 127.0.0.1 for the demo only)");
        }
    }
}
