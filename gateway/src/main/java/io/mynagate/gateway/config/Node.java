package io.mynagate.gateway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Typed, path-aware access to one mapping of the parsed configuration tree. */
final class Node {
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

  final String path;
  private final Map<String, Object> map;

  Node(String path, Map<String, Object> map) {
    this.path = path;
    this.map = map;
  }

  void allowOnly(String... keys) {
    Set<String> allowed = Set.of(keys);
    for (String key : map.keySet()) {
      if (!allowed.contains(key)) {
        throw new ConfigException(key(key) + ": unknown key");
      }
    }
  }

  boolean has(String key) {
    return map.get(key) != null;
  }

  String key(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  @SuppressWarnings("unchecked")
  Node child(String key) {
    Object value = map.get(key);
    if (value == null) {
      return new Node(key(key), Map.of());
    }
    if (!(value instanceof Map)) {
      throw new ConfigException(key(key) + ": must be a mapping");
    }
    return new Node(key(key), (Map<String, Object>) value);
  }

  @SuppressWarnings("unchecked")
  List<Node> list(String key) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List)) {
      throw new ConfigException(key(key) + ": must be a list");
    }
    List<Node> nodes = new ArrayList<>();
    List<Object> items = (List<Object>) value;
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Map)) {
        throw new ConfigException(key(key) + "[" + i + "]: must be a mapping");
      }
      nodes.add(new Node(key(key) + "[" + i + "]", (Map<String, Object>) items.get(i)));
    }
    return nodes;
  }

  String string(String key, String defaultValue) {
    return optionalString(key).orElse(defaultValue);
  }

  String requiredString(String key) {
    return optionalString(key)
        .orElseThrow(() -> new ConfigException(key(key) + ": required"));
  }

  Optional<String> optionalString(String key) {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Map || value instanceof List) {
      throw new ConfigException(key(key) + ": must be a string");
    }
    String s = value.toString().trim();
    if (s.isEmpty()) {
      throw new ConfigException(key(key) + ": must not be empty");
    }
    return Optional.of(s);
  }

  int integer(String key, int defaultValue, int min, int max) {
    Object value = map.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Integer)) {
      throw new ConfigException(key(key) + ": must be an integer");
    }
    int i = (Integer) value;
    if (i < min || i > max) {
      throw new ConfigException(key(key) + ": must be between " + min + " and " + max);
    }
    return i;
  }

  boolean bool(String key, boolean defaultValue) {
    Object value = map.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Boolean)) {
      throw new ConfigException(key(key) + ": must be true or false");
    }
    return (Boolean) value;
  }

  /** A number (seconds) or a string such as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}. */
  Duration duration(String key, String defaultValue) {
    Object value = map.get(key);
    String text = value == null ? defaultValue : value.toString().trim();
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new ConfigException(key(key) + ": must be a duration like 500ms, 30s, 5m, 1h or 1d");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    switch (unit) {
      case "ms": return Duration.ofMillis(amount);
      case "m": return Duration.ofMinutes(amount);
      case "h": return Duration.ofHours(amount);
      case "d": return Duration.ofDays(amount);
      default: return Duration.ofSeconds(amount);
    }
  }

  URI uri(String key, String text) {
    try {
      URI uri = new URI(text);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new ConfigException(key(key) + ": must be an absolute http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigException(key(key) + ": not a valid URL", e);
    }
  }

  Set<String> stringSet(String key) {
    return stringSetOr(key, Set.of());
  }

  Set<String> stringSetOr(String key, Set<String> defaultValue) {
    Object value = map.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof String) {
      // "openid accounts" is accepted like a space-separated OAuth scope string.
      Set<String> out = new LinkedHashSet<>(List.of(((String) value).trim().split("\\s+")));
      out.remove("");
      return out;
    }
    if (!(value instanceof List)) {
      throw new ConfigException(key(key) + ": must be a list of strings");
    }
    Set<String> out = new LinkedHashSet<>();
    for (Object o : (List<?>) value) {
      if (o == null || o instanceof Map || o instanceof List) {
        throw new ConfigException(key(key) + ": must be a list of strings");
      }
      out.add(o.toString());
    }
    return out;
  }

  Map<String, String> stringMap(String key) {
    Object value = map.get(key);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map)) {
      throw new ConfigException(key(key) + ": must be a mapping");
    }
    Map<String, String> out = new LinkedHashMap<>();
    ((Map<?, ?>) value).forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    return out;
  }
}
