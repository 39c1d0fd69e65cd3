package io.paymentflow.k3s;

import static io.paymentflow.localrun.LocalSystem.BRIDGE;
import static io.paymentflow.localrun.LocalSystem.DB_WORKER;
import static io.paymentflow.localrun.LocalSystem.INFERENCE_WORKER;
import static io.paymentflow.localrun.LocalSystem.WORKFLOW_WORKER;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentflow.localrun.Reconciliation;
import io.paymentflow.stream.MidStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dev overlay on a real cluster: K3s in Docker, the four images loaded, Kafka, Temporal,
 * PostgreSQL and the inference stand-in where the apps' NetworkPolicies (which K3s enforces) expect
 * them. A demo stream is published at a steady rate; mid-stream the inference worker is scaled to
 * three pods and the bridge is rolled, and still every record must end as exactly one row, with the
 * other workers untouched by the bridge's roll.
 *
 * <p>Written on a machine without a Docker engine, where it skips: it has not been run there. The
 * {@code *Test} classes of this module check, without Docker, what can be checked (the manifests,
 * the Kafka configuration, the stand-in's command and classpath, the image tars).
 */
class K3sDeploymentIT {

  private static final String NS = ClusterLayout.APPS_NAMESPACE;

  @Test
  void rollingTheBridgeAndScalingInferenceMidStreamLosesNothing() throws Exception {
    K3sPreconditions.check();
    try (K3sCluster cluster = K3sCluster.start(K3sSettings.k3sImage())) {
      try {
        ClusterDependencies dependencies = ClusterDependencies.apply(cluster, K3sSettings.root());
        // The dependencies' images download from Docker Hub meanwhile.
        AppImages.load(cluster, K3sSettings.root());
        dependencies.awaitReady();
        System.out.print(
            cluster.kubectl(
                "apply", "-k", ClusterLayout.NODE_ROOT + "/" + ClusterLayout.PAYMENTFLOW_DIR));
        Deployments.awaitAvailable(cluster, NS, Duration.ofMinutes(8));
        streamThroughScaleAndRoll(cluster, dependencies);
      } finally {
        Diagnostics.save(cluster, K3sSettings.logs());
      }
    }
  }

  private static void streamThroughScaleAndRoll(K3sCluster cluster, ClusterDependencies deps)
      throws Exception {
    int records = K3sSettings.streamRecords();
    int rate = K3sSettings.streamRate();
    System.out.printf("[k3s] streaming %d records at %d/s (%d s)%n", records, rate, records / rate);
    try (MidStream stream =
        MidStream.start(deps.kafkaBootstrap(), deps.postgres(), records, rate, "k3s-demo-stream")) {
      stream.awaitAQuarterPersisted();

      WorkerPods others = WorkerPods.record(cluster, NS, List.of(WORKFLOW_WORKER, DB_WORKER));
      List<PodView> oldBridge = PodView.list(cluster, NS, "app=" + BRIDGE);
      // Both at once: one after the other they could outlast the stream.
      scaleInferenceWorker(cluster, 3);
      cluster.kubectl("-n", NS, "rollout", "restart", "deployment/" + BRIDGE);
      cluster.kubectl(
          "-n",
          NS,
          "wait",
          "deployment/" + INFERENCE_WORKER,
          "--for=jsonpath={.status.availableReplicas}=3",
          "--timeout=5m");
      System.out.println("[k3s] " + INFERENCE_WORKER + ": 3 pods available");
      cluster.kubectl("-n", NS, "rollout", "status", "deployment/" + BRIDGE, "--timeout=5m");
      Instant rolled = Instant.now();
      System.out.println("[k3s] " + BRIDGE + " rolled");
      for (PodView pod : oldBridge) {
        Diagnostics.savePodLog(
            cluster, NS, pod.name(), K3sSettings.logs().resolve(pod.name() + ".before-roll.log"));
      }

      Reconciliation reconciliation = stream.reconciliation();
      assertThat(reconciliation.balanced()).as(reconciliation.report()).isTrue();
      assertThat(rolled)
          .as(
              "the bridge's roll ended after the last record was sent, so it was not mid-stream;"
                  + " run with a lower -Dk3s.stream.rate")
          .isBefore(stream.lastSend());
      assertThat(PodView.list(cluster, NS, "app=" + BRIDGE))
          .as("bridge pods after the roll")
          .extracting(PodView::uid)
          .doesNotContainAnyElementsOf(oldBridge.stream().map(PodView::uid).toList());
      others.assertUnchanged(cluster);
    }
  }

  /**
   * The HPA owns the worker's replica count (its Deployment has no replicas field), so the bounds
   * are what to change, as docs/deployment.md says; `kubectl scale` would be undone within seconds.
   */
  private static void scaleInferenceWorker(K3sCluster cluster, int replicas) {
    cluster.kubectl(
        "-n",
        NS,
        "patch",
        "hpa",
        INFERENCE_WORKER,
        "--type=merge",
        "-p",
        "{\"spec\":{\"minReplicas\":" + replicas + ",\"maxReplicas\":" + replicas + "}}");
    System.out.println("[k3s] " + INFERENCE_WORKER + " HPA bounds set to " + replicas);
  }
}
