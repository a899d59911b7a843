package io.mynagate.gateway.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a password from a file, so it stays out of the configuration file, process lists and
 * logs. Messages name the configuration key, never the file's content, and not the path either:
 * a password pasted where the path belongs would otherwise be repeated in the error.
 */
final class PasswordFile {
  private PasswordFile() {}

  /**
   * @param key configuration key, for messages
   * @param file path of a UTF-8 file holding the password on one line
   * @return the password without its trailing line break
   * @throws ConfigException if the file is missing, unreadable, empty or not one line of UTF-8
   */
  static String read(String key, String file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(Path.of(file));
    } catch (InvalidPathException e) {
      throw new ConfigException(key + ": not a valid path");
    } catch (NoSuchFileException e) {
      throw new ConfigException(key + ": the file does not exist");
    } catch (AccessDeniedException e) {
      throw new ConfigException(key + ": the file is not readable by this user");
    } catch (IOException e) {
      throw new ConfigException(key + ": the file cannot be read ("
          + e.getClass().getSimpleName() + ")");
    }
    String text = utf8(key, bytes).replaceFirst("[\r\n]+$", "");
    if (text.isEmpty()) {
      throw new ConfigException(key + ": the file is empty");
    }
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new ConfigException(key + ": the file must hold the password on one line");
    }
    return text;
  }

  private static String utf8(String key, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException(key + ": the file is not UTF-8 text");
    }
  }
}
