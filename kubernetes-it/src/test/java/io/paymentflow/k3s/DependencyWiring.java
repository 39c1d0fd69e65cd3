package io.paymentflow.k3s;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Where the base says one dependency runs (deploy/kustomize/base/shared/dependencies.yaml): the
 * values its NetworkPolicies admit traffic to, so the test's dependencies must match them exactly.
 */
record DependencyWiring(
    String dependency, String namespace, String podLabelKey, String podLabelValue, int port) {

  static DependencyWiring of(Path root, String dependency) {
    Path file = root.resolve(ClusterLayout.DEPLOY_TREE).resolve("base/shared/dependencies.yaml");
    Map<String, Object> data;
    try (Reader reader = Files.newBufferedReader(file)) {
      Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
      data = K8sObject.asMap(K8sObject.at(document, "data"));
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
    String port = value(data, dependency + ".port", file);
    return new DependencyWiring(
        dependency,
        value(data, dependency + ".namespace", file),
        value(data, dependency + ".podLabelKey", file),
        value(data, dependency + ".podLabelValue", file),
        Integer.parseInt(port));
  }

  private static String value(Map<String, Object> data, String key, Path file) {
    Object value = data.get(key);
    if (value == null) {
      throw new AssertionError(file + " has no " + key);
    }
    return value.toString();
  }
}
