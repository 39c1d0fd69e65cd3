package io.paymentflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exactly the two activity workers autoscale: by CPU HPAs, or by KEDA when that component is on.
 */
class AutoscalingRenderTest extends RenderedTreeTest {

  @ParameterizedTest
  @MethodSource("dirs")
  void autoscalersTargetExactlyTheTwoActivityWorkers(String dir) {
    Rendering rendering = rendering(dir);
    boolean keda = rendering.hasComponent("keda");
    List<Manifest> hpas = rendering.ofKind("HorizontalPodAutoscaler");
    List<Manifest> scaledObjects = rendering.ofKind("ScaledObject");
    assertThat(keda ? hpas : scaledObjects).isEmpty();
    List<Manifest> autoscalers = keda ? scaledObjects : hpas;
    assertThat(autoscalers)
        .map(a -> Tree.string(a.raw(), "spec", "scaleTargetRef", "name"))
        .containsExactlyInAnyOrderElementsOf(Apps.AUTOSCALED);
    for (String app : Apps.ALL) {
      // A replicas field on an autoscaled Deployment would reset the count on every apply.
      Object replicas = rendering.deployment(app).at("spec", "replicas");
      if (Apps.AUTOSCALED.contains(app)) {
        assertThat(replicas).as(app).isNull();
      } else {
        assertThat(replicas).as(app).isEqualTo(rendering.isDev() ? 1 : 2);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dirs")
  void cpuAutoscalersScaleDownSlowlyWithinTheOverlaysBounds(String dir) {
    Rendering rendering = rendering(dir);
    for (Manifest hpa : rendering.ofKind("HorizontalPodAutoscaler")) {
      assertThat(hpa.apiVersion()).isEqualTo("autoscaling/v2");
      assertThat(hpa.map("spec", "scaleTargetRef"))
          .containsEntry("kind", "Deployment")
          .containsEntry("apiVersion", "apps/v1");
      assertThat(Tree.map(hpa.raw(), "spec", "metrics", 0, "resource"))
          .containsEntry("name", "cpu")
          .containsEntry("target", Map.of("type", "Utilization", "averageUtilization", 70));
      assertThat((Integer) hpa.at("spec", "behavior", "scaleDown", "stabilizationWindowSeconds"))
          .isGreaterThanOrEqualTo(60);
      int min = (Integer) hpa.at("spec", "minReplicas");
      int max = (Integer) hpa.at("spec", "maxReplicas");
      assertThat(min).as(hpa.toString()).isEqualTo(rendering.isDev() ? 1 : 2);
      assertThat(max).as(hpa.toString()).isGreaterThan(min);
    }
  }

  @ParameterizedTest
  @MethodSource("dirs")
  void scaledObjectsWatchTheQueuesTheWorkersPoll(String dir) {
    Rendering rendering = rendering(dir);
    Map<String, Object> shared = rendering.generatedConfig(Apps.SHARED_CONFIG);
    Map<String, String> queueKeys =
        Map.of(
            Apps.INFERENCE_WORKER, "TEMPORAL_WORKER_INFERENCE_TASK_QUEUE",
            Apps.DB_WORKER, "TEMPORAL_WORKER_PERSISTENCE_TASK_QUEUE");
    for (Manifest scaledObject : rendering.ofKind("ScaledObject")) {
      String app = Tree.string(scaledObject.raw(), "spec", "scaleTargetRef", "name");
      assertThat(Tree.list(scaledObject.raw(), "spec", "triggers")).as(app).hasSize(1);
      assertThat(Tree.string(scaledObject.raw(), "spec", "triggers", 0, "type"))
          .as(app)
          .isEqualTo("temporal");
      Map<String, Object> trigger = Tree.map(scaledObject.raw(), "spec", "triggers", 0, "metadata");
      assertThat(trigger).as(app).containsEntry("taskQueue", shared.get(queueKeys.get(app)));
      assertThat(trigger)
          .as(app)
          .containsEntry("namespace", shared.get("TEMPORAL_WORKER_TEMPORAL_NAMESPACE"));
      assertThat(trigger).as(app).containsEntry("queueTypes", "activity");
      // KEDA reads the address from the worker's own environment, so it cannot drift.
      assertThat(shared).as(app).containsKey(trigger.get("endpointFromEnv").toString());
      assertThat(
              scaledObject.map(
                  "spec", "advanced", "horizontalPodAutoscalerConfig", "behavior", "scaleDown"))
          .as(app)
          .containsKey("stabilizationWindowSeconds");
    }
  }
}
