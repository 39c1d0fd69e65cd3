package io.paymentflow.k3s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The objects one `kubectl kustomize` produced, and its text for exact comparisons. */
record Rendered(String dir, String text, List<K8sObject> objects) {

  @SuppressWarnings("unchecked")
  static Rendered parse(String dir, String multiDocumentYaml) {
    List<K8sObject> objects = new ArrayList<>();
    for (Object document :
        new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(multiDocumentYaml)) {
      if (document instanceof Map<?, ?> map) {
        objects.add(new K8sObject((Map<String, Object>) map));
      }
    }
    return new Rendered(dir, multiDocumentYaml, List.copyOf(objects));
  }

  List<K8sObject> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.kind())).toList();
  }

  K8sObject one(String kind, String namespace, String name) {
    List<K8sObject> found =
        ofKind(kind).stream()
            .filter(o -> name.equals(o.name()) && Objects.equals(namespace, o.namespace()))
            .toList();
    if (found.size() != 1) {
      throw new AssertionError(
          dir + ": expected one " + kind + " " + namespace + "/" + name + ", found " + found);
    }
    return found.get(0);
  }

  /** The variables a workload's container gets from its ConfigMaps, later sources winning. */
  Map<String, String> environmentFromConfigMaps(K8sObject workload) {
    Map<String, String> environment = new LinkedHashMap<>();
    for (Object source : K8sObject.asList(workload.container().get("envFrom"))) {
      Object name = K8sObject.at(source, "configMapRef", "name");
      if (name != null) {
        K8sObject.asMap(one("ConfigMap", workload.namespace(), name.toString()).raw().get("data"))
            .forEach((key, value) -> environment.put(key, String.valueOf(value)));
      }
    }
    return environment;
  }
}
