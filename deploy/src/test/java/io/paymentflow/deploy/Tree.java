package io.paymentflow.deploy;

import java.util.List;
import java.util.Map;

/**
 * Walks the plain maps and lists SnakeYAML produces; a missing step yields null, never an error.
 */
final class Tree {

  private Tree() {}

  /** Follows string keys through maps and integer indexes through lists. */
  static Object at(Object node, Object... path) {
    Object current = node;
    for (Object step : path) {
      if (current instanceof Map<?, ?> map && step instanceof String key) {
        current = map.get(key);
      } else if (current instanceof List<?> list && step instanceof Integer index) {
        current = index < list.size() ? list.get(index) : null;
      } else {
        return null;
      }
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node, Object... path) {
    Object value = at(node, path);
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node, Object... path) {
    Object value = at(node, path);
    return value instanceof List<?> list ? (List<Object>) list : List.of();
  }

  static String string(Object node, Object... path) {
    Object value = at(node, path);
    return value == null ? null : value.toString();
  }
}
