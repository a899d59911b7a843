package io.mynagate.gateway.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ${NAME}} substitution for the benchmark config templates; unknown names are an error. */
final class TemplateVars {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

  private final Map<String, String> values = new LinkedHashMap<>();

  TemplateVars put(String name, String value) {
    values.put(name, value);
    return this;
  }

  TemplateVars copy() {
    TemplateVars copy = new TemplateVars();
    copy.values.putAll(values);
    return copy;
  }

  String render(String template) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException("template uses unknown variable ${" + matcher.group(1)
            + "}; known: " + values.keySet());
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  String asEnv() {
    StringBuilder out = new StringBuilder();
    values.forEach((name, value) -> out.append(name).append("='").append(value).append("'\n"));
    return out.toString();
  }
}
