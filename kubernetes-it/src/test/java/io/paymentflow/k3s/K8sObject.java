package io.paymentflow.k3s;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One rendered object, with path look-ups that return null (or empty) where a field is absent. */
record K8sObject(Map<String, Object> raw) {

  String kind() {
    return string("kind");
  }

  String name() {
    return string("metadata", "name");
  }

  String namespace() {
    return string("metadata", "namespace");
  }

  String string(Object... path) {
    Object value = at(raw, path);
    return value == null ? null : value.toString();
  }

  Map<String, Object> map(Object... path) {
    return asMap(at(raw, path));
  }

  List<Object> list(Object... path) {
    return asList(at(raw, path));
  }

  /** The first container of a workload's pod template. */
  Map<String, Object> container() {
    return asMap(at(raw, "spec", "template", "spec", "containers", 0));
  }

  Map<String, Object> podLabels() {
    return map("spec", "template", "metadata", "labels");
  }

  /**
   * The first container's ports by name (by number where unnamed), as targetPorts refer to them.
   */
  Map<Object, Integer> containerPorts() {
    Map<Object, Integer> ports = new LinkedHashMap<>();
    for (Object port : asList(container().get("ports"))) {
      Integer number = (Integer) at(port, "containerPort");
      Object name = at(port, "name");
      ports.put(name == null ? number : name, number);
    }
    return ports;
  }

  /** The first container's variables that have a literal value (null for references). */
  Map<String, Object> literalEnvironment() {
    Map<String, Object> environment = new LinkedHashMap<>();
    for (Object variable : asList(container().get("env"))) {
      environment.put(String.valueOf(at(variable, "name")), at(variable, "value"));
    }
    return environment;
  }

  /** Walks maps by key and lists by index. */
  static Object at(Object node, Object... path) {
    Object current = node;
    for (Object step : path) {
      if (current instanceof Map<?, ?> map) {
        current = map.get(step);
      } else if (current instanceof List<?> list
          && step instanceof Integer index
          && index < list.size()) {
        current = list.get(index);
      } else {
        return null;
      }
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static List<Object> asList(Object node) {
    return node instanceof List<?> list ? (List<Object>) list : List.of();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object node) {
    return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  @Override
  public String toString() {
    return kind() + " " + namespace() + "/" + name();
  }
}
