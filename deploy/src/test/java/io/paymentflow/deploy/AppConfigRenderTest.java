package io.paymentflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each app's configuration, Service, disruption budget and namespace, in every rendering. */
class AppConfigRenderTest extends RenderedTreeTest {

  /** The contract's variables (CONTRACTS sections 1, 2, 5, 6) each app must receive. */
  private static final Map<String, List<String>> REQUIRED_KEYS =
      Map.of(
          Apps.BRIDGE,
          List.of(
              "TEMPORAL_WORKER_KAFKA_BOOTSTRAP_SERVERS",
              "TEMPORAL_WORKER_KAFKA_CONSUMER_GROUP",
              "TEMPORAL_WORKER_INPUT_TOPIC",
              "TEMPORAL_WORKER_DLQ_TOPIC"),
          Apps.WORKFLOW_WORKER,
          List.of("TEMPORAL_WORKER_INFERENCE_TASK_QUEUE", "TEMPORAL_WORKER_PERSISTENCE_TASK_QUEUE"),
          Apps.INFERENCE_WORKER,
          List.of(
              "TEMPORAL_WORKER_INFERENCE_SERVICE_URL", "TEMPORAL_WORKER_INFERENCE_TIMEOUT_SECONDS"),
          Apps.DB_WORKER,
          List.of(
              "TEMPORAL_WORKER_POSTGRES_HOST",
              "TEMPORAL_WORKER_POSTGRES_PORT",
              "TEMPORAL_WORKER_POSTGRES_DB",
              "TEMPORAL_WORKER_POSTGRES_USER"));

  private static final List<String> EVERY_APP_KEYS =
      List.of(
          "TEMPORAL_WORKER_TEMPORAL_HOST",
          "TEMPORAL_WORKER_TEMPORAL_NAMESPACE",
          "TEMPORAL_WORKER_TEMPORAL_TASK_QUEUE",
          "TEMPORAL_WORKER_SHUTDOWN_GRACE_PERIOD");

  @ParameterizedTest
  @MethodSource("dirs")
  void everyAppReadsTheSharedConfigAndOnlyItsOwnGeneratedConfig(String dir) {
    Rendering rendering = rendering(dir);
    for (String app : Apps.ALL) {
      List<String> sources =
          Tree.list(rendering.container(app), "envFrom").stream()
              .map(source -> Tree.string(source, "configMapRef", "name"))
              .toList();
      assertThat(sources).as(app).hasSize(2);
      assertThat(sources.get(0)).as(app).matches(Apps.SHARED_CONFIG + "-[a-z0-9]{10}");
      assertThat(sources.get(1)).as(app).matches(Apps.configName(app) + "-[a-z0-9]{10}");
    }
  }

  @ParameterizedTest
  @MethodSource("dirs")
  void everyAppGetsTheContractVariablesUnderTheirExactNames(String dir) {
    Rendering rendering = rendering(dir);
    for (String app : Apps.ALL) {
      Map<String, Object> environment = rendering.environmentFromConfigMaps(app);
      assertThat(environment).as(app).containsKeys(EVERY_APP_KEYS.toArray(String[]::new));
      assertThat(environment).as(app).containsKeys(REQUIRED_KEYS.get(app).toArray(String[]::new));
      assertThat(environment).as(app).containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
      // A misspelt name would silently fall back to the app's default: allow only known prefixes.
      assertThat(environment.keySet())
          .as(app)
          .allMatch(
              key ->
                  key.startsWith("TEMPORAL_WORKER_")
                      || key.equals("SERVER_PORT")
                      || key.equals("LOGGING_STRUCTURED_FORMAT_CONSOLE"));
    }
    Map<String, Object> bridge = rendering.environmentFromConfigMaps(Apps.BRIDGE);
    assertThat(bridge)
        .containsEntry("TEMPORAL_WORKER_KAFKA_CONSUMER_GROUP", "temporal-worker-group");
    assertThat(bridge).containsEntry("TEMPORAL_WORKER_INPUT_TOPIC", "payments.normalized");
    assertThat(bridge).containsEntry("TEMPORAL_WORKER_DLQ_TOPIC", "payments.validation.dlq");
    // The HTTP timeout must end before the activities' 30 s start-to-close (CONTRACTS 2.4).
    Object timeout =
        rendering
            .environmentFromConfigMaps(Apps.INFERENCE_WORKER)
            .get("TEMPORAL_WORKER_INFERENCE_TIMEOUT_SECONDS");
    assertThat(Integer.parseInt(timeout.toString())).isBetween(1, 29);
  }

  @ParameterizedTest
  @MethodSource("dirs")
  void everyAppHasAMetricsServiceAndADisruptionBudget(String dir) {
    Rendering rendering = rendering(dir);
    for (String app : Apps.ALL) {
      Manifest service = rendering.one("Service", app);
      assertThat(service.map("spec", "selector")).as(app).isEqualTo(Map.of("app", app));
      assertThat(Tree.list(service.raw(), "spec", "ports"))
          .as(app)
          .containsExactly(
              Map.of(
                  "name",
                  "http",
                  "port",
                  Apps.PORTS.get(app),
                  "targetPort",
                  "http",
                  "protocol",
                  "TCP"));
      Manifest budget = rendering.one("PodDisruptionBudget", app);
      assertThat(budget.map("spec", "selector", "matchLabels"))
          .as(app)
          .isEqualTo(Map.of("app", app));
      assertThat(budget.map("spec").keySet())
          .as(app)
          .containsAnyOf("minAvailable", "maxUnavailable");
      assertThat(budget.map("spec").keySet())
          .as(app)
          .doesNotContain(rendering.isDev() ? "minAvailable" : "maxUnavailable");
      assertThat(rendering.deployment(app).map("spec", "template", "metadata", "labels"))
          .as(app)
          .containsEntry("app", app);
      assertThat(rendering.deployment(app).map("spec", "selector", "matchLabels"))
          .as(app)
          .isEqualTo(Map.of("app", app));
    }
  }

  @ParameterizedTest
  @MethodSource("dirs")
  void everyObjectLandsInTheOverlaysNamespace(String dir) {
    Rendering rendering = rendering(dir);
    String namespace = rendering.isDev() ? "paymentflow-dev" : "paymentflow";
    assertThat(rendering.objects())
        .allSatisfy(o -> assertThat(o.namespace()).as(o.toString()).isEqualTo(namespace));
    if (rendering.isDev()) {
      for (String app : Apps.ALL) {
        assertThat(rendering.container(app))
            .as(app)
            .containsEntry("imagePullPolicy", "IfNotPresent");
      }
    }
  }
}
