package io.paymentflow.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kustomize deployment on a real Kubernetes control plane (etcd, kube-apiserver,
 * kube-controller-manager, kube-scheduler of tools/kubernetes; no kubelet, so Pods stay Pending):
 * every kustomization is accepted by the API server with strict validation, a change of the
 * bridge's configuration made as docs/deployment.md says rolls the bridge alone, and the HPAs scale
 * the activity workers alone. The Deployment, ReplicaSet and HPA controllers doing this are the
 * real ones.
 */
@TestMethodOrder(OrderAnnotation.class)
class ControlPlaneDeploymentIT {

  private record Environment(String overlay, String namespace) {}

  private static final List<Environment> ENVIRONMENTS =
      List.of(new Environment("dev", "paymentflow-dev"), new Environment("prod", "paymentflow"));
  private static final String BRIDGE = "kafka-bridge";
  private static final String INFERENCE = "activity-worker-inference";
  private static final List<String> DEPLOYMENTS =
      List.of(BRIDGE, "workflow-worker", INFERENCE, "activity-worker-db");

  /**
   * A bridge setting from base/kafka-bridge/config.env, changed within what deployment.yaml allows.
   */
  private static final String BRIDGE_CHANGE = "TEMPORAL_WORKER_SHUTDOWN_GRACE_PERIOD=25s";

  private static final Duration CONTROLLERS = Duration.ofSeconds(90);
  private static final Map<String, String> SUMMARY = new LinkedHashMap<>();

  private static ControlPlane cluster;
  private static Kubectl kubectl;

  @BeforeAll
  static void startTheCluster() {
    cluster = ControlPlane.start();
    kubectl = cluster.kubectl();
    // Overlays set namespace: but do not create it (docs/deployment.md); restricted fits every pod.
    for (Environment environment : ENVIRONMENTS) {
      kubectl.run("create", "namespace", environment.namespace());
      kubectl.run(
          "label",
          "namespace",
          environment.namespace(),
          "pod-security.kubernetes.io/enforce=restricted");
    }
    // Server-side: the Prometheus Operator's CRDs are too large for the last-applied annotation.
    kubectl.run("apply", "--server-side", "-f", cluster.crds().toString());
    kubectl.run("wait", "--for=condition=Established", "crd", "--all", "--timeout=60s");
  }

  @AfterAll
  static void stopTheCluster() {
    System.out.println(
        "cluster: "
            + SUMMARY.getOrDefault("applied", "kustomizations applied: no")
            + ", bridge rolled alone: "
            + SUMMARY.getOrDefault("rolled", "no")
            + ", scaled alone: "
            + SUMMARY.getOrDefault("scaled", "no")
            + ", pods ready: not run (no kubelet stage), events: not run (no kubelet stage)");
    if (cluster != null) {
      cluster.stop();
    }
  }

  @Test
  @Order(1)
  void everyKustomizationIsAcceptedByTheApiServer() {
    Path kustomize = ControlPlane.root().resolve("deploy/kustomize");
    List<Path> kustomizations = new ArrayList<>();
    for (Environment environment : ENVIRONMENTS) {
      kustomizations.add(kustomize.resolve("overlays").resolve(environment.overlay()));
    }
    try (Stream<Path> tests = Files.list(kustomize.resolve("tests"))) {
      tests.filter(Files::isDirectory).sorted().forEach(kustomizations::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(kustomizations).hasSizeGreaterThanOrEqualTo(7);

    for (Path dir : kustomizations) {
      long rendered = documents(kubectl.run("kustomize", dir.toString()));
      // A dry run on the server: admission, defaulting and strict schema validation, nothing
      // stored.
      String accepted =
          kubectl.run(
              "apply", "-k", dir.toString(), "--dry-run=server", "--validate=strict", "-o", "name");
      System.out.printf(
          "accepted %s: %d of %d objects%n", kustomize.relativize(dir), lines(accepted), rendered);
      assertThat(lines(accepted))
          .as("objects accepted from %s", dir)
          .isEqualTo(rendered)
          .isPositive();
    }
    for (Environment environment : ENVIRONMENTS) {
      kubectl.run(
          "apply", "-k", kustomize.resolve("overlays").resolve(environment.overlay()).toString());
      awaitSettled(environment.namespace());
      assertThat(Workloads.read(kubectl, environment.namespace()).byDeployment().keySet())
          .containsExactlyInAnyOrderElementsOf(DEPLOYMENTS);
    }
    SUMMARY.put("applied", kustomizations.size() + " kustomizations applied");
  }

  @Test
  @Order(2)
  void aChangeOfTheBridgesConfigurationRollsTheBridgeAlone() throws IOException {
    for (Environment environment : ENVIRONMENTS) {
      Workloads before = Workloads.read(kubectl, environment.namespace());
      kubectl.run("apply", "-k", bridgeChange(environment).toString());
      await("a new ReplicaSet of the bridge in " + environment.namespace())
          .atMost(CONTROLLERS)
          .until(
              () ->
                  Workloads.settled(kubectl, environment.namespace())
                      && Workloads.read(kubectl, environment.namespace())
                              .of(BRIDGE)
                              .replicaSets()
                              .size()
                          > before.of(BRIDGE).replicaSets().size());
      Workloads after = Workloads.read(kubectl, environment.namespace());

      assertThat(after.of(BRIDGE).generation()).isGreaterThan(before.of(BRIDGE).generation());
      assertThat(after.of(BRIDGE).replicaSets())
          .containsAll(before.of(BRIDGE).replicaSets())
          .hasSize(before.of(BRIDGE).replicaSets().size() + 1);
      for (String worker : DEPLOYMENTS.subList(1, DEPLOYMENTS.size())) {
        assertThat(after.of(worker))
            .as("%s in %s", worker, environment.namespace())
            .isEqualTo(before.of(worker));
      }
    }
    SUMMARY.put("rolled", "yes");
  }

  @Test
  @Order(3)
  void theHpasScaleTheActivityWorkersAlone() {
    for (Environment environment : ENVIRONMENTS) {
      String namespace = environment.namespace();
      Map<String, String> targets = new TreeMap<>();
      Map<String, Object> inferenceHpa = null;
      for (Map<String, Object> hpa : Workloads.items(kubectl.json("-n", namespace, "get", "hpa"))) {
        Map<String, Object> target =
            Workloads.map(Workloads.map(hpa.get("spec")).get("scaleTargetRef"));
        targets.put(Workloads.name(hpa), target.get("kind") + "/" + target.get("name"));
        if (INFERENCE.equals(Workloads.name(hpa))) {
          inferenceHpa = hpa;
        }
      }
      assertThat(targets)
          .as("HPAs in %s", namespace)
          .isEqualTo(
              Map.of(
                  "activity-worker-db",
                  "Deployment/activity-worker-db",
                  INFERENCE,
                  "Deployment/" + INFERENCE));

      Workloads before = Workloads.read(kubectl, namespace);
      int scaled = before.of(INFERENCE).replicas() + 2;
      int max =
          ((Number)
                  Workloads.map(Objects.requireNonNull(inferenceHpa).get("spec"))
                      .get("maxReplicas"))
              .intValue();
      // The HPA bounds, as an operator raises them; the HPA controller does the scaling.
      kubectl.run(
          "-n",
          namespace,
          "patch",
          "hpa",
          INFERENCE,
          "--type=merge",
          "-p",
          "{\"spec\":{\"minReplicas\":"
              + scaled
              + ",\"maxReplicas\":"
              + Math.max(max, scaled)
              + "}}");
      await("the HPA scales " + INFERENCE + " in " + namespace + " to " + scaled)
          .atMost(CONTROLLERS)
          .until(
              () -> {
                Workloads.Workload inference = Workloads.read(kubectl, namespace).of(INFERENCE);
                return inference.replicas() == scaled && inference.pods().size() == scaled;
              });
      Workloads after = Workloads.read(kubectl, namespace);

      assertThat(after.of(INFERENCE).replicaSets()).isEqualTo(before.of(INFERENCE).replicaSets());
      assertThat(after.of(INFERENCE).pods()).containsAll(before.of(INFERENCE).pods());
      for (String other : DEPLOYMENTS) {
        if (!other.equals(INFERENCE)) {
          assertThat(after.of(other)).as("%s in %s", other, namespace).isEqualTo(before.of(other));
        }
      }
    }
    SUMMARY.put("scaled", "yes");
  }

  /** An overlay of the overlay that merges one changed setting into kafka-bridge-config. */
  private static Path bridgeChange(Environment environment) throws IOException {
    Path dir = Path.of("target/controlplane-changes", environment.overlay()).toAbsolutePath();
    Files.createDirectories(dir);
    Path overlay =
        ControlPlane.root().resolve("deploy/kustomize/overlays").resolve(environment.overlay());
    Files.writeString(
        dir.resolve("kustomization.yaml"),
        String.join(
            "\n",
            "apiVersion: kustomize.config.k8s.io/v1beta1",
            "kind: Kustomization",
            "namespace: " + environment.namespace(),
            "resources:",
            "  - " + dir.relativize(overlay),
            "configMapGenerator:",
            "  - name: kafka-bridge-config",
            "    behavior: merge",
            "    literals:",
            "      - " + BRIDGE_CHANGE,
            ""));
    return dir;
  }

  private static void awaitSettled(String namespace) {
    await("the Deployments of " + namespace + " observed")
        .atMost(CONTROLLERS)
        .until(() -> Workloads.settled(kubectl, namespace));
  }

  private static long documents(String yaml) {
    return StreamSupport.stream(new Yaml().loadAll(yaml).spliterator(), false)
        .filter(Objects::nonNull)
        .count();
  }

  private static long lines(String text) {
    return text.lines().filter(line -> !line.isBlank()).count();
  }
}
