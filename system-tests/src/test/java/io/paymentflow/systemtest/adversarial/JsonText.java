package io.paymentflow.systemtest.adversarial;

import java.util.List;
import java.util.Map;

/**
 * Writes JSON text by hand, so a record can hold what a library would refuse or repair: any string
 * exactly (control characters and every surrogate, paired or not, as escapes), numbers as written,
 * and values of the wrong type.
 */
final class JsonText {

  private JsonText() {}

  /** A JSON string literal holding {@code text} exactly. */
  static String string(String text) {
    StringBuilder json = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c) && !pairedAt(text, i)) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }

  /** A value: strings quoted, numbers and raw JSON (a {@link Raw}) as they are, maps, lists. */
  static String value(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Raw raw) {
      return raw.json();
    }
    if (value instanceof String text) {
      return string(text);
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder json = new StringBuilder("{");
      map.forEach(
          (k, v) -> {
            if (json.length() > 1) {
              json.append(',');
            }
            json.append(string(String.valueOf(k))).append(':').append(value(v));
          });
      return json.append('}').toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder json = new StringBuilder("[");
      for (Object item : list) {
        if (json.length() > 1) {
          json.append(',');
        }
        json.append(value(item));
      }
      return json.append(']').toString();
    }
    return String.valueOf(value);
  }

  /** JSON text written as it is: a number spelled a particular way, a wrong type. */
  record Raw(String json) {}

  private static boolean pairedAt(String text, int i) {
    char c = text.charAt(i);
    return Character.isHighSurrogate(c)
        ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}
