package io.paymentflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The deploy/kustomize folder: which directories CI renders, and copies of it to modify. */
final class KustomizeTree {

  private KustomizeTree() {}

  static Path root() {
    return Path.of(System.getProperty("paymentflow.kustomize.dir", "kustomize")).toAbsolutePath();
  }

  /** Every overlay and every combination under tests/, relative to the root ("overlays/dev"). */
  static List<String> dirsRenderedByCi(Path root) {
    return Stream.of("overlays", "tests")
        .flatMap(parent -> childrenWithKustomization(root.resolve(parent)))
        .map(dir -> root.relativize(dir).toString().replace('\\', '/'))
        .sorted()
        .toList();
  }

  static Map<String, Rendering> renderAll(Path root) throws IOException {
    Map<String, Rendering> renderings = new LinkedHashMap<>();
    for (String dir : dirsRenderedByCi(root)) {
      renderings.put(dir, render(root, dir));
    }
    return renderings;
  }

  static Rendering render(Path root, String dir) throws IOException {
    return Rendering.parse(dir, Kubectl.kustomize(root.resolve(dir)));
  }

  /** Copies the whole tree, so relative references between its folders keep working. */
  static Path copyTo(Path target) throws IOException {
    Path source = root();
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.toList()) {
        Path copy = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy);
        }
      }
    }
    return target;
  }

  /**
   * Rewrites a kustomization.yaml of a copied tree (its comments are lost, which a copy can
   * afford).
   */
  static void editKustomization(Path dir, Consumer<Map<String, Object>> edit) throws IOException {
    Path file = dir.resolve("kustomization.yaml");
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    Map<String, Object> kustomization = Tree.map(yaml.load(Files.readString(file)));
    edit.accept(kustomization);
    Files.writeString(file, yaml.dump(kustomization));
  }

  private static Stream<Path> childrenWithKustomization(Path parent) {
    try (Stream<Path> children = Files.list(parent)) {
      return children
          .filter(child -> Files.isRegularFile(child.resolve("kustomization.yaml")))
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
