package io.mynagate.gateway.token;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a JWS header or JWT claims set into the plain Java types Nimbus's {@code
 * JWSHeader.parse(Map)} and {@code JWTClaimsSet.parse(Map)} take (Map, List, String, Number,
 * Boolean, null), with Jackson's streaming parser: several times faster per token than Nimbus's
 * own JSON parsing, which dominated the Java CPU time of every new token. Strict: duplicate member
 * names are refused (RFC 7519 section 4 allows refusing them, and a token whose two {@code aud}
 * members two parsers could read differently is no token to trust), as is anything after the
 * object. Thread-safe.
 */
final class StrictJson {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private StrictJson() {}

  /**
   * @param utf8 the JSON text, UTF-8
   * @return its members, in order
   * @throws ParseException if it is not exactly one well-formed JSON object without duplicate
   *     member names
   */
  static Map<String, Object> parseObject(byte[] utf8) throws ParseException {
    try (JsonParser parser = FACTORY.createParser(utf8)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new ParseException("not a JSON object", 0);
      }
      Map<String, Object> object = readObject(parser);
      if (parser.nextToken() != null) {
        throw new ParseException("content after the JSON object", 0);
      }
      return object;
    } catch (IOException | RuntimeException e) {
      // Jackson's messages quote the input: they stay out of the exception.
      throw new ParseException("malformed JSON", 0);
    }
  }

  private static Map<String, Object> readObject(JsonParser parser) throws IOException {
    Map<String, Object> object = new LinkedHashMap<>();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      object.put(name, readValue(parser, parser.nextToken()));
    }
    return object;
  }

  private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        return readObject(parser);
      case START_ARRAY: {
        List<Object> array = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(readValue(parser, t));
        }
        return array;
      }
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        // Long where it fits, as Nimbus's parser gives; BigInteger beyond.
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected JSON token " + token);
    }
  }
}
