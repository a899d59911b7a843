package io.mynagate.gateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/** Minimal {@code --name value} parser for the benchmark mains; unknown names are an error. */
final class BenchArgs {

  private final Map<String, String> values = new HashMap<>();

  private BenchArgs() {}

  static BenchArgs parse(String[] args, String... allowed) {
    BenchArgs parsed = new BenchArgs();
    java.util.Set<String> names = java.util.Set.of(allowed);
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (!name.startsWith("--") || !names.contains(name.substring(2)) || i + 1 >= args.length) {
        throw new IllegalArgumentException("usage: " + String.join(" ", prefixed(allowed))
            + " (offending argument: " + name + ")");
      }
      parsed.values.put(name.substring(2), args[i + 1]);
    }
    return parsed;
  }

  private static String[] prefixed(String[] names) {
    String[] out = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = "[--" + names[i] + " V]";
    }
    return out;
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  String require(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return value;
  }

  int getInt(String name, int fallback) {
    String value = values.get(name);
    return value == null ? fallback : Integer.parseInt(value);
  }

  /** Writes the bound port to {@code --port-file} (atomically) so scripts can wait for it. */
  void writePortFile(int port) throws IOException {
    String file = values.get("port-file");
    if (file != null) {
      writeAtomically(Path.of(file), Integer.toString(port));
    }
  }

  static void writeAtomically(Path target, String content) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
