package io.mynagate.gateway.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.regex.Pattern;

/**
 * Cheap checks that a configured PEM file is there and holds what its key promises, so a missing
 * or swapped file stops the start instead of failing every TLS handshake later. Messages name the
 * path, never the content.
 */
final class PemFiles {
  /** The unencrypted forms the Vert.x PEM loader reads: PKCS#8, PKCS#1 (RSA), SEC1 (EC). */
  private static final Pattern PRIVATE_KEY =
      Pattern.compile("-----BEGIN (RSA |EC )?PRIVATE KEY-----");

  private PemFiles() {}

  /**
   * @param key configuration key, for messages
   * @param file path of a PEM file with one or more X.509 certificates
   * @return the path
   * @throws ConfigException if the file is unreadable or holds no certificate
   */
  static Path certificates(String key, String file) {
    Path path = readable(key, file);
    try (InputStream in = Files.newInputStream(path)) {
      if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
        throw new ConfigException(key + ": " + path + " holds no PEM certificate");
      }
      return path;
    } catch (CertificateException e) {
      throw new ConfigException(key + ": " + path + " holds no valid PEM certificate");
    } catch (IOException e) {
      throw new ConfigException(key + ": " + path + " cannot be read", e);
    }
  }

  /**
   * @param key configuration key, for messages
   * @param file path of an unencrypted PEM private key
   * @return the path
   * @throws ConfigException if the file is unreadable or holds no such key
   */
  static Path privateKey(String key, String file) {
    Path path = readable(key, file);
    try {
      String text = Files.readString(path, StandardCharsets.ISO_8859_1);
      if (!PRIVATE_KEY.matcher(text).find()) {
        throw new ConfigException(key + ": " + path + " holds no unencrypted PEM private key "
            + "(PKCS#8, PKCS#1 RSA or SEC1 EC)");
      }
      return path;
    } catch (IOException e) {
      throw new ConfigException(key + ": " + path + " cannot be read", e);
    }
  }

  private static Path readable(String key, String file) {
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException e) {
      throw new ConfigException(key + ": not a valid path: " + file);
    }
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new ConfigException(key + ": " + path + " does not exist or is not readable");
    }
    return path;
  }
}
