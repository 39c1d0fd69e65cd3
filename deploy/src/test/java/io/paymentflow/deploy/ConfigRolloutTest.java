package io.paymentflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Deployment rolls when its pod template changes. These tests change one setting in a copy of the
 * tree, render again, and compare every Deployment's pod template before and after.
 */
class ConfigRolloutTest {

  @TempDir Path copy;

  @BeforeEach
  void requireKubectl() {
    assumeTrue(Kubectl.available(), Kubectl.MISSING);
  }

  @Test
  void changingABridgeSettingRollsTheBridgeAndNoOtherApp() throws IOException {
    Path root = KustomizeTree.copyTo(copy);
    Map<String, Object> before = podTemplates(KustomizeTree.render(root, "overlays/dev"));

    replaceInFile(
        root.resolve("base/kafka-bridge/config.env"),
        "TEMPORAL_WORKER_INPUT_TOPIC=payments.normalized",
        "TEMPORAL_WORKER_INPUT_TOPIC=payments.normalized.v2");
    Rendering after = KustomizeTree.render(root, "overlays/dev");

    assertThat(after.generatedConfig(Apps.configName(Apps.BRIDGE)))
        .containsEntry("TEMPORAL_WORKER_INPUT_TOPIC", "payments.normalized.v2");
    assertThat(changedApps(before, podTemplates(after))).containsExactly(Apps.BRIDGE);
  }

  @Test
  void pinningANewBridgeImageRollsTheBridgeAndNoOtherApp() throws IOException {
    Path root = KustomizeTree.copyTo(copy);
    Map<String, Object> before = podTemplates(KustomizeTree.render(root, "overlays/prod"));

    // What `kustomize edit set image paymentflow/kafka-bridge=...:0.1.1` writes.
    KustomizeTree.editKustomization(
        root.resolve("overlays/prod"),
        k ->
            Tree.list(k, "images").stream()
                .map(Tree::map)
                .filter(image -> "paymentflow/kafka-bridge".equals(image.get("name")))
                .forEach(image -> image.put("newTag", "0.1.1")));
    Rendering after = KustomizeTree.render(root, "overlays/prod");

    assertThat(Tree.string(after.container(Apps.BRIDGE), "image"))
        .isEqualTo("registry.example.com/paymentflow/kafka-bridge:0.1.1");
    assertThat(changedApps(before, podTemplates(after))).containsExactly(Apps.BRIDGE);
  }

  @Test
  void changingASharedSettingRollsEveryApp() throws IOException {
    Path root = KustomizeTree.copyTo(copy);
    Map<String, Object> before = podTemplates(KustomizeTree.render(root, "overlays/dev"));

    replaceInFile(
        root.resolve("base/shared/config.env"),
        "TEMPORAL_WORKER_TEMPORAL_NAMESPACE=default",
        "TEMPORAL_WORKER_TEMPORAL_NAMESPACE=payments");

    assertThat(changedApps(before, podTemplates(KustomizeTree.render(root, "overlays/dev"))))
        .containsExactlyInAnyOrderElementsOf(Apps.ALL);
  }

  private static Map<String, Object> podTemplates(Rendering rendering) {
    Map<String, Object> templates = new LinkedHashMap<>();
    for (Manifest deployment : rendering.ofKind("Deployment")) {
      templates.put(deployment.name(), deployment.at("spec", "template"));
    }
    assertThat(templates.keySet()).containsExactlyInAnyOrderElementsOf(Apps.ALL);
    return templates;
  }

  private static List<String> changedApps(Map<String, Object> before, Map<String, Object> after) {
    return Apps.ALL.stream().filter(app -> !before.get(app).equals(after.get(app))).toList();
  }

  private static void replaceInFile(Path file, String line, String replacement) throws IOException {
    String content = Files.readString(file);
    assertThat(content).contains(line);
    Files.writeString(file, content.replace(line, replacement));
  }
}
