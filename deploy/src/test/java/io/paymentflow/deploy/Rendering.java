package io.paymentflow.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The objects one `kubectl kustomize <dir>` produced, with the look-ups the tests share. */
record Rendering(String dir, List<Manifest> objects) {

  @SuppressWarnings("unchecked")
  static Rendering parse(String dir, String multiDocumentYaml) {
    List<Manifest> objects = new ArrayList<>();
    for (Object document :
        new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(multiDocumentYaml)) {
      if (document instanceof Map<?, ?> map) {
        objects.add(new Manifest((Map<String, Object>) map));
      }
    }
    return new Rendering(dir, List.copyOf(objects));
  }

  List<Manifest> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.kind())).toList();
  }

  Manifest one(String kind, String name) {
    List<Manifest> found = ofKind(kind).stream().filter(o -> name.equals(o.name())).toList();
    if (found.size() != 1) {
      throw new AssertionError(dir + ": expected one " + kind + "/" + name + ", found " + found);
    }
    return found.get(0);
  }

  Manifest deployment(String app) {
    return one("Deployment", app);
  }

  Map<String, Object> podSpec(String app) {
    return deployment(app).map("spec", "template", "spec");
  }

  Map<String, Object> container(String app) {
    return Tree.map(podSpec(app), "containers", 0);
  }

  /** The data of the ConfigMap a generator produced, whatever hash suffix its name carries. */
  Map<String, Object> generatedConfig(String generatorName) {
    Pattern hashed = Pattern.compile(Pattern.quote(generatorName) + "-[a-z0-9]{10}");
    List<Manifest> found =
        ofKind("ConfigMap").stream().filter(c -> hashed.matcher(c.name()).matches()).toList();
    if (found.size() != 1) {
      throw new AssertionError(dir + ": expected one ConfigMap from " + generatorName);
    }
    return found.get(0).map("data");
  }

  /** The environment an app's container gets from its ConfigMaps, later sources winning. */
  Map<String, Object> environmentFromConfigMaps(String app) {
    Map<String, Object> environment = new LinkedHashMap<>();
    for (Object source : Tree.list(container(app), "envFrom")) {
      String name = Tree.string(source, "configMapRef", "name");
      environment.putAll(one("ConfigMap", name).map("data"));
    }
    return environment;
  }

  boolean isDev() {
    return dir.equals("overlays/dev") || dir.startsWith("tests/dev-");
  }

  boolean hasComponent(String component) {
    return dir.startsWith("tests/") && List.of(dir.split("[/-]")).contains(component);
  }
}
