package io.paymentflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every overlay and combination with kubectl's kustomize and checks the workloads. The
 * sibling *RenderTest classes check config, autoscaling, network policies and monitoring the same
 * way; {@link ConfigRolloutTest} checks which Deployments a change rolls.
 */
class KustomizeRenderTest extends RenderedTreeTest {

  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN).*");

  @Test
  void ciRendersBothOverlaysAloneAndWithTheComponents() {
    assertThat(renderings().keySet())
        .contains(
            "overlays/dev",
            "overlays/prod",
            "tests/dev-monitoring",
            "tests/dev-keda",
            "tests/prod-monitoring",
            "tests/prod-keda",
            "tests/prod-monitoring-keda");
  }

  @ParameterizedTest
  @MethodSource("dirs")
  void rendersFourSingleContainerDeploymentsWithDistinctImages(String dir) {
    Rendering rendering = rendering(dir);
    assertThat(rendering.ofKind("Deployment"))
        .map(Manifest::name)
        .containsExactlyInAnyOrderElementsOf(Apps.ALL);
    for (String app : Apps.ALL) {
      assertThat(Tree.list(rendering.podSpec(app), "containers")).as(app).hasSize(1);
      String image = Tree.string(rendering.container(app), "image");
      String expected =
          rendering.isDev()
              ? "paymentflow/" + app + ":dev"
              : "registry.example.com/paymentflow/" + app + ":0.1.0";
      assertThat(image).as(app).isEqualTo(expected);
    }
    assertThat(
            Apps.ALL.stream().map(app -> Tree.string(rendering.container(app), "image")).distinct())
        .hasSize(4);
  }

  @ParameterizedTest
  @MethodSource("dirs")
  void probesUseTheActuatorHealthGroupsOnTheAppsOwnPort(String dir) {
    Rendering rendering = rendering(dir);
    for (String app : Apps.ALL) {
      Map<String, Object> container = rendering.container(app);
      Map<String, Object> port = Tree.map(container, "ports", 0);
      assertThat(Tree.list(container, "ports")).as(app).hasSize(1);
      assertThat(port)
          .as(app)
          .containsEntry("name", "http")
          .containsEntry("containerPort", Apps.PORTS.get(app));
      assertThat(rendering.environmentFromConfigMaps(app))
          .as(app)
          .containsEntry("SERVER_PORT", Apps.PORTS.get(app).toString());
      assertThat(Tree.string(container, "readinessProbe", "httpGet", "path"))
          .as(app)
          .isEqualTo("/actuator/health/readiness");
      assertThat(Tree.string(container, "livenessProbe", "httpGet", "path"))
          .as(app)
          .isEqualTo("/actuator/health/liveness");
      assertThat(Tree.string(container, "startupProbe", "httpGet", "path"))
          .as(app)
          .isEqualTo("/actuator/health/liveness");
      for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
        assertThat(Tree.at(container, probe, "httpGet", "port"))
            .as(app + " " + probe)
            .isIn("http", Apps.PORTS.get(app));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dirs")
  void rendersNoLiteralSecretValues(String dir) {
    Rendering rendering = rendering(dir);
    assertThat(rendering.ofKind("Secret")).isEmpty();
    for (Manifest configMap : rendering.ofKind("ConfigMap")) {
      assertThat(configMap.map("data").keySet())
          .as(configMap.toString())
          .noneMatch(key -> SECRET_NAME.matcher(key).matches());
    }
    for (String app : Apps.ALL) {
      for (Object env : Tree.list(rendering.container(app), "env")) {
        if (SECRET_NAME.matcher(Tree.string(env, "name")).matches()) {
          assertThat(Tree.at(env, "value")).as(app + " " + env).isNull();
          assertThat(Tree.map(env, "valueFrom", "secretKeyRef")).as(app + " " + env).isNotEmpty();
        }
      }
    }
    assertThat(Tree.list(rendering.container(Apps.DB_WORKER), "env"))
        .contains(
            Map.of(
                "name",
                "TEMPORAL_WORKER_POSTGRES_PASSWORD",
                "valueFrom",
                Map.of("secretKeyRef", Map.of("name", "paymentflow-postgres", "key", "password"))));
  }

  @ParameterizedTest
  @MethodSource("dirs")
  void hardensEveryPodAndContainer(String dir) {
    Rendering rendering = rendering(dir);
    for (String app : Apps.ALL) {
      PodHardening.assertHardened(app, rendering.podSpec(app));
      assertThat(rendering.one("ServiceAccount", app).at("automountServiceAccountToken"))
          .as(app)
          .isEqualTo(false);
    }
  }

  @ParameterizedTest
  @MethodSource("dirs")
  void terminationGraceCoversPreStopAndTheAppsShutdownGrace(String dir) {
    Rendering rendering = rendering(dir);
    for (String app : Apps.ALL) {
      Map<String, Object> podSpec = rendering.podSpec(app);
      int preStop =
          (Integer) Tree.at(podSpec, "containers", 0, "lifecycle", "preStop", "sleep", "seconds");
      String grace =
          rendering
              .environmentFromConfigMaps(app)
              .get("TEMPORAL_WORKER_SHUTDOWN_GRACE_PERIOD")
              .toString();
      long needed = preStop + SpringDuration.parse(grace).toSeconds() + 5;
      assertThat(((Number) podSpec.get("terminationGracePeriodSeconds")).longValue())
          .as(app)
          .isGreaterThanOrEqualTo(needed);
    }
  }
}
