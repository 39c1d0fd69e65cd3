package io.paymentflow.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentflow.localrun.Reconciliation;
import io.paymentflow.stream.MidStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kustomize deployment on a real single-node Kubernetes cluster (tools/kubernetes: etcd,
 * kube-apiserver, kube-controller-manager, kube-scheduler, and a kubelet on containerd and runc):
 * every kustomization is accepted by the API server with strict validation, a change of the
 * bridge's configuration made as docs/deployment.md says rolls the bridge alone, and the HPAs scale
 * the activity workers alone. The Deployment, ReplicaSet and HPA controllers doing this are the
 * real ones. Then, on the node, the dev overlay's four pods get Ready against Kafka, Temporal,
 * PostgreSQL and the inference stand-in on this machine, and a stream survives a roll of the bridge
 * and a scale-up of the inference worker with nothing lost and nothing doubled.
 */
@TestMethodOrder(OrderAnnotation.class)
class ControlPlaneDeploymentIT {

  private record Environment(String overlay, String namespace) {}

  private static final List<Environment> ENVIRONMENTS =
      List.of(new Environment("dev", "paymentflow-dev"), new Environment("prod", "paymentflow"));
  private static final String BRIDGE = "kafka-bridge";
  private static final String WORKFLOW_WORKER = "workflow-worker";
  private static final String INFERENCE = "activity-worker-inference";
  private static final String DB_WORKER = "activity-worker-db";
  private static final String NODE_NAMESPACE = "paymentflow-dev";
  private static final List<String> DEPLOYMENTS =
      List.of(BRIDGE, WORKFLOW_WORKER, INFERENCE, DB_WORKER);

  /**
   * A bridge setting from base/kafka-bridge/config.env, changed within what deployment.yaml allows.
   */
  private static final String BRIDGE_CHANGE = "TEMPORAL_WORKER_SHUTDOWN_GRACE_PERIOD=25s";

  private static final Duration CONTROLLERS = Duration.ofSeconds(90);

  /** The stream on the node: long enough that the roll and the scale-up happen inside it. */
  private static final int STREAM_RECORDS = Integer.getInteger("node.stream.records", 500);

  private static final int STREAM_RATE = Integer.getInteger("node.stream.rate", 4);
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
  static void stopTheCluster() throws IOException {
    String summary =
        "cluster: "
            + SUMMARY.getOrDefault("applied", "kustomizations applied: no")
            + ", bridge rolled alone: "
            + SUMMARY.getOrDefault("rolled", "no")
            + ", scaled alone: "
            + SUMMARY.getOrDefault("scaled", "no")
            + ", pods ready: "
            + SUMMARY.getOrDefault("pods", "no")
            + ", "
            + SUMMARY.getOrDefault("events", "events: not run");
    System.out.println(summary);
    // For .ci/run and tools/kubernetes/verify.sh, which show it without the build's output.
    Files.writeString(Path.of("target/cluster-summary.txt"), summary + "\n");
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

  @Test
  @Order(4)
  void onTheNodeTheDevPodsGetReadyAndAStreamOutlivesARollAndAScaleUp() throws Exception {
    Optional<String> nodeMissing = cluster.nodeMissing();
    if (nodeMissing.isPresent()) {
      String reason = "no node: " + nodeMissing.get();
      SUMMARY.put("pods", "not run (" + reason + ")");
      if (Boolean.getBoolean("node.required")) {
        Assertions.fail("node.required is set, but " + reason);
      }
      System.out.println("the node stage is skipped: " + reason);
      Assumptions.abort(reason);
    }
    // The earlier tests' Pods (both overlays, pointing at cluster services that do not exist here)
    // would compete for the node's two cores.
    for (Environment environment : ENVIRONMENTS) {
      kubectl.run("delete", "namespace", environment.namespace(), "--timeout=3m");
    }
    cluster.loadImages();
    String address =
        kubectl.run(
            "get",
            "node",
            ControlPlane.NODE_NAME,
            "-o",
            "jsonpath={.status.addresses[?(@.type==\"InternalIP\")].address}");
    try (NodeDependencies dependencies =
        NodeDependencies.start(address, Path.of("target/node-dependencies").toAbsolutePath())) {
      try {
        kubectl.run("create", "namespace", NODE_NAMESPACE);
        kubectl.run(
            "label", "namespace", NODE_NAMESPACE, "pod-security.kubernetes.io/enforce=restricted");
        // As docs/deployment.md says: the password only ever in a Secret.
        kubectl.run(
            "-n",
            NODE_NAMESPACE,
            "create",
            "secret",
            "generic",
            "paymentflow-postgres",
            "--from-literal=password=" + dependencies.postgresPassword());
        kubectl.run("apply", "-k", nodeOverlay(dependencies, Map.of()).toString());
        long start = System.nanoTime();
        kubectl.run(
            "-n",
            NODE_NAMESPACE,
            "wait",
            "deployment",
            "--all",
            "--for=condition=Available",
            "--timeout=10m");
        int ready = NodePods.ready(kubectl, NODE_NAMESPACE);
        SUMMARY.put("pods", ready + "/" + DEPLOYMENTS.size());
        System.out.printf(
            "[node] %d of %d pods Ready after %d s%n",
            ready, DEPLOYMENTS.size(), (System.nanoTime() - start) / 1_000_000_000L);
        assertThat(ready).isEqualTo(DEPLOYMENTS.size());
        streamThroughARollAndAScaleUp(dependencies);
      } finally {
        NodePods.saveDiagnostics(kubectl, NODE_NAMESPACE, Path.of("target/node-logs"));
        // The pods stop (and drain) while their servers are still up.
        kubectl.attempt("delete", "namespace", NODE_NAMESPACE, "--timeout=3m");
      }
    }
  }

  private static void streamThroughARollAndAScaleUp(NodeDependencies dependencies)
      throws Exception {
    try (MidStream stream =
        MidStream.start(
            dependencies.kafkaBootstrap(),
            dependencies.postgres(),
            STREAM_RECORDS,
            STREAM_RATE,
            "node-demo-stream")) {
      stream.awaitAQuarterPersisted();

      Workloads before = Workloads.read(kubectl, NODE_NAMESPACE);
      Map<String, Integer> restartsBefore = NodePods.restarts(kubectl, NODE_NAMESPACE);
      // Both at once, as an operator might: one after the other they could outlast the stream. The
      // apply first: it sets the HPA's bounds back to the overlay's.
      kubectl.run(
          "apply", "-k", nodeOverlay(dependencies, Map.of(BRIDGE, BRIDGE_CHANGE)).toString());
      kubectl.run(
          "-n",
          NODE_NAMESPACE,
          "patch",
          "hpa",
          INFERENCE,
          "--type=merge",
          "-p",
          "{\"spec\":{\"minReplicas\":3,\"maxReplicas\":3}}");
      kubectl.run(
          "-n",
          NODE_NAMESPACE,
          "wait",
          "deployment/" + INFERENCE,
          "--for=jsonpath={.status.availableReplicas}=3",
          "--timeout=5m");
      kubectl.run(
          "-n", NODE_NAMESPACE, "rollout", "status", "deployment/" + BRIDGE, "--timeout=5m");
      Instant rolled = Instant.now();
      System.out.println("[node] " + INFERENCE + " at 3 pods, " + BRIDGE + " rolled");

      Reconciliation reconciliation = stream.reconciliation();
      long lost = reconciliation.payments() - reconciliation.paymentRows();
      SUMMARY.put(
          "events",
          String.format(
              "events %d lost %d doubled %d",
              reconciliation.published(), Math.max(lost, 0), reconciliation.duplicateRows()));
      assertThat(reconciliation.balanced()).as(reconciliation.report()).isTrue();
      assertThat(rolled)
          .as(
              "the roll and the scale-up ended after the last record was sent, so not mid-stream;"
                  + " run with a lower -Dnode.stream.rate")
          .isBefore(stream.lastSend());
      Workloads after = Workloads.read(kubectl, NODE_NAMESPACE);
      assertThat(after.of(BRIDGE).replicaSets())
          .hasSize(before.of(BRIDGE).replicaSets().size() + 1);
      assertThat(after.of(BRIDGE).pods()).doesNotContainAnyElementsOf(before.of(BRIDGE).pods());
      assertThat(after.of(INFERENCE).pods()).containsAll(before.of(INFERENCE).pods()).hasSize(3);
      for (String untouched : List.of(WORKFLOW_WORKER, DB_WORKER)) {
        assertThat(after.of(untouched)).as(untouched).isEqualTo(before.of(untouched));
      }
      Map<String, Integer> restartsAfter = NodePods.restarts(kubectl, NODE_NAMESPACE);
      for (String pod : restartsBefore.keySet()) {
        if (restartsAfter.containsKey(pod)) {
          assertThat(restartsAfter.get(pod))
              .as("restarts of " + pod)
              .isEqualTo(restartsBefore.get(pod));
        }
      }
    }
  }

  /**
   * The dev overlay, pointed at this machine's servers the way an environment's overlay is (a merge
   * into each generated ConfigMap), plus any extra settings per app.
   */
  private static Path nodeOverlay(NodeDependencies dependencies, Map<String, String> extra)
      throws IOException {
    Path dir = Path.of("target/node-overlay").toAbsolutePath();
    Files.createDirectories(dir);
    Path dev = ControlPlane.root().resolve("deploy/kustomize/overlays/dev");
    List<String> lines = new ArrayList<>();
    lines.addAll(
        List.of(
            "apiVersion: kustomize.config.k8s.io/v1beta1",
            "kind: Kustomization",
            "namespace: " + NODE_NAMESPACE,
            "resources:",
            "  - " + dir.relativize(dev),
            "configMapGenerator:"));
    for (Map.Entry<String, Map<String, String>> configMap :
        dependencies.configuration().entrySet()) {
      Map<String, String> literals = new TreeMap<>(configMap.getValue());
      String app = configMap.getKey().replace("-config", "");
      if (extra.containsKey(app)) {
        String[] setting = extra.get(app).split("=", 2);
        literals.put(setting[0], setting[1]);
      }
      lines.addAll(
          List.of("  - name: " + configMap.getKey(), "    behavior: merge", "    literals:"));
      literals.forEach((key, value) -> lines.add("      - " + key + "=" + value));
    }
    lines.add("");
    Files.writeString(dir.resolve("kustomization.yaml"), String.join("\n", lines));
    return dir;
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
