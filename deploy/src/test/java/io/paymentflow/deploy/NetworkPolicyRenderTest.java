package io.paymentflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each app admits only its metrics port and reaches only DNS and its own dependencies. */
class NetworkPolicyRenderTest extends RenderedTreeTest {

  /** Egress rules in their fixed order: DNS, Temporal, then the app's own dependency. */
  private static final Map<String, List<String>> DEPENDENCIES =
      Map.of(
          Apps.BRIDGE, List.of("dns", "temporal", "kafka"),
          Apps.WORKFLOW_WORKER, List.of("dns", "temporal"),
          Apps.INFERENCE_WORKER, List.of("dns", "temporal", "inference"),
          Apps.DB_WORKER, List.of("dns", "temporal", "postgres"));

  @ParameterizedTest
  @MethodSource("dirs")
  void ingressIsLimitedToTheMetricsPort(String dir) {
    Rendering rendering = rendering(dir);
    assertThat(rendering.ofKind("NetworkPolicy"))
        .map(Manifest::name)
        .containsExactlyInAnyOrderElementsOf(Apps.ALL);
    for (String app : Apps.ALL) {
      Manifest policy = rendering.one("NetworkPolicy", app);
      assertThat(policy.map("spec", "podSelector", "matchLabels"))
          .as(app)
          .isEqualTo(Map.of("app", app));
      assertThat(Tree.list(policy.raw(), "spec", "policyTypes"))
          .as(app)
          .containsExactly("Ingress", "Egress");
      assertThat(Tree.list(policy.raw(), "spec", "ingress"))
          .as(app)
          .containsExactly(Map.of("ports", List.of(Map.of("port", "http", "protocol", "TCP"))));
    }
  }

  @ParameterizedTest
  @MethodSource("dirs")
  void egressReachesOnlyDnsAndTheAppsDependenciesAsConfigured(String dir) throws IOException {
    Rendering rendering = rendering(dir);
    Map<String, Object> configured = baseDependencies();
    for (String app : Apps.ALL) {
      List<Object> egress = Tree.list(rendering.one("NetworkPolicy", app).raw(), "spec", "egress");
      List<String> dependencies = DEPENDENCIES.get(app);
      assertThat(egress).as(app).hasSize(dependencies.size());
      for (int i = 0; i < egress.size(); i++) {
        assertRuleSelects(app, egress.get(i), dependencies.get(i), configured);
      }
    }
  }

  @Test
  void patchingTheDependenciesConfigMapInAnOverlayRewiresThePolicies(@TempDir Path copy)
      throws IOException {
    Path root = KustomizeTree.copyTo(copy);
    String patch =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: paymentflow-dependencies
        data:
          kafka.namespace: strimzi
          kafka.podLabelKey: strimzi.io/cluster
          kafka.port: "9093"
        """;
    KustomizeTree.editKustomization(
        root.resolve("overlays/dev"), k -> Tree.list(k, "patches").add(Map.of("patch", patch)));
    Rendering rendering = KustomizeTree.render(root, "overlays/dev");
    Object kafkaRule =
        Tree.at(rendering.one("NetworkPolicy", Apps.BRIDGE).raw(), "spec", "egress", 2);
    assertThat(
            Tree.string(
                kafkaRule,
                "to",
                0,
                "namespaceSelector",
                "matchLabels",
                "kubernetes.io/metadata.name"))
        .isEqualTo("strimzi");
    assertThat(Tree.string(kafkaRule, "to", 0, "podSelector", "matchExpressions", 0, "key"))
        .isEqualTo("strimzi.io/cluster");
    assertThat(Tree.at(kafkaRule, "ports", 0, "port")).isEqualTo(9093);
  }

  private static void assertRuleSelects(
      String app, Object rule, String dependency, Map<String, Object> configured) {
    String what = app + " egress to " + dependency;
    assertThat(Tree.list(rule, "to")).as(what).hasSize(1);
    assertThat(Tree.map(rule, "to", 0, "namespaceSelector", "matchLabels"))
        .as(what)
        .isEqualTo(
            Map.of("kubernetes.io/metadata.name", configured.get(dependency + ".namespace")));
    assertThat(Tree.list(rule, "to", 0, "podSelector", "matchExpressions"))
        .as(what)
        .containsExactly(
            Map.of(
                "key", configured.get(dependency + ".podLabelKey"),
                "operator", "In",
                "values", List.of(configured.get(dependency + ".podLabelValue"))));
    int port = Integer.parseInt(configured.get(dependency + ".port").toString());
    List<Object> expectedPorts =
        dependency.equals("dns")
            ? List.of(
                Map.of("port", port, "protocol", "UDP"), Map.of("port", port, "protocol", "TCP"))
            : List.of(Map.of("port", port, "protocol", "TCP"));
    assertThat(Tree.list(rule, "ports")).as(what).isEqualTo(expectedPorts);
  }

  private static Map<String, Object> baseDependencies() throws IOException {
    Path file = KustomizeTree.root().resolve("base/shared/dependencies.yaml");
    return Rendering.parse("base", Files.readString(file))
        .one("ConfigMap", "paymentflow-dependencies")
        .map("data");
  }
}
