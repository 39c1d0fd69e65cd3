package io.paymentflow.k3s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pods of apps that an operation on another app must leave alone, recorded before it: after it
 * the same pods (same UIDs) still run without a restart, and no pod of a new ReplicaSet (pod
 * template) appeared, which would mean the app itself was rolled.
 */
final class WorkerPods {

  /**
   * The database worker's HPA may add a pod under load and later remove one; without this, the
   * ReplicaSet could remove the recorded pod and look like a restart. Deletion cost only orders the
   * ReplicaSet's choice; it changes nothing in the pod.
   */
  private static final String DELETION_COST = "controller.kubernetes.io/pod-deletion-cost=1000";

  private final String namespace;
  private final Map<String, List<PodView>> before;

  private WorkerPods(String namespace, Map<String, List<PodView>> before) {
    this.namespace = namespace;
    this.before = before;
  }

  static WorkerPods record(K3sCluster cluster, String namespace, List<String> apps) {
    Map<String, List<PodView>> pods = new LinkedHashMap<>();
    for (String app : apps) {
      List<PodView> running =
          PodView.list(cluster, namespace, "app=" + app).stream()
              .filter(pod -> !pod.deleting())
              .toList();
      assertThat(running).as(app + " pods before").isNotEmpty();
      for (PodView pod : running) {
        cluster.kubectl(
            "-n", namespace, "annotate", "pod", pod.name(), DELETION_COST, "--overwrite");
      }
      pods.put(app, running);
    }
    return new WorkerPods(namespace, pods);
  }

  void assertUnchanged(K3sCluster cluster) {
    before.forEach(
        (app, pods) -> {
          List<PodView> now = PodView.list(cluster, namespace, "app=" + app);
          Map<String, PodView> byUid =
              now.stream().collect(Collectors.toMap(PodView::uid, pod -> pod));
          for (PodView pod : pods) {
            PodView after = byUid.get(pod.uid());
            assertThat(after).as(app + " pod " + pod.name() + " still running").isNotNull();
            assertThat(after.deleting()).as(pod.name() + " being deleted").isFalse();
            assertThat(after.restarts()).as(pod.name() + " restarts").isEqualTo(pod.restarts());
          }
          Set<String> templates =
              pods.stream().map(PodView::templateHash).collect(Collectors.toSet());
          assertThat(now)
              .as(app + " pods all from the pod template recorded before")
              .allSatisfy(pod -> assertThat(templates).contains(pod.templateHash()));
          System.out.printf(
              "[k3s] %s untouched: %s%n", app, pods.stream().map(PodView::name).toList());
        });
  }
}
