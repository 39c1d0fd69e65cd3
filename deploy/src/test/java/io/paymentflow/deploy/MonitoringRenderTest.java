package io.paymentflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The monitoring component scrapes every app, alerts on what an operator is paged for, and ships
 * its dashboard where Grafana's sidecar finds it. Whether the metric names are real is checked
 * against running apps by local-run's MetricNamesIT; whether the alerts fire, by promtool.
 */
class MonitoringRenderTest extends RenderedTreeTest {

  /** Alert name to a metric (or label value) its expression must use. */
  private static final Map<String, String> ALERTS =
      Map.ofEntries(
          Map.entry(
              "PaymentflowKafkaConsumerLagHigh", "kafka_consumer_fetch_manager_records_lag_max"),
          Map.entry(
              "PaymentflowKafkaConsumerLagGrowing", "kafka_consumer_fetch_manager_records_lag{"),
          Map.entry("PaymentflowWorkflowStartFailures", "paymentflow_bridge_start_failures_total"),
          Map.entry(
              "PaymentflowBridgeStartPinned",
              "paymentflow_bridge_partition_oldest_pending_age_seconds"),
          Map.entry(
              "PaymentflowActivityFailureRateHigh", "temporal_activity_execution_failed_total"),
          Map.entry(
              "PaymentflowActivityScheduleToStartLatencyHigh",
              "temporal_activity_schedule_to_start_latency_seconds_bucket"),
          Map.entry(
              "PaymentflowWorkflowTaskScheduleToStartLatencyHigh",
              "temporal_workflow_task_schedule_to_start_latency_seconds_bucket"),
          Map.entry("PaymentflowPersistFailures", "outcome=\"failed\""),
          Map.entry("PaymentflowActivityWorkerWithoutPollers", "temporal_num_pollers"),
          Map.entry(
              "PaymentflowReviewBacklogStale", "paymentflow_reviews_oldest_pending_age_seconds"),
          Map.entry("PaymentflowRunsToRedrive", "paymentflow_runs_to_redrive"),
          Map.entry(
              "PaymentflowWorkflowTaskFailures", "temporal_workflow_task_execution_failed_total"));

  @ParameterizedTest
  @MethodSource("dirs")
  void serviceMonitorsScrapeEveryAppsPrometheusEndpointOnlyWithTheComponent(String dir) {
    Rendering rendering = rendering(dir);
    if (!rendering.hasComponent("monitoring")) {
      assertThat(rendering.ofKind("ServiceMonitor")).isEmpty();
      assertThat(rendering.ofKind("PrometheusRule")).isEmpty();
      return;
    }
    assertThat(rendering.ofKind("ServiceMonitor"))
        .map(Manifest::name)
        .containsExactlyInAnyOrderElementsOf(Apps.ALL);
    for (String app : Apps.ALL) {
      Manifest monitor = rendering.one("ServiceMonitor", app);
      assertThat(monitor.map("spec", "selector", "matchLabels"))
          .as(app)
          .isEqualTo(Map.of("app", app));
      assertThat(Tree.map(monitor.raw(), "spec", "endpoints", 0))
          .as(app)
          .containsEntry("port", "http")
          .containsEntry("path", "/actuator/prometheus");
      // The rules filter on `app`, which only exists on series if the Service's label is copied
      // over.
      assertThat(Tree.list(monitor.raw(), "spec", "targetLabels")).as(app).contains("app");
    }
  }

  @ParameterizedTest
  @MethodSource("dirs")
  void alertRulesCoverLagStartFailuresActivityFailuresAndScheduleToStartLatency(String dir) {
    Rendering rendering = rendering(dir);
    if (!rendering.hasComponent("monitoring")) {
      return;
    }
    Map<String, String> expressions =
        rendering.one("PrometheusRule", "paymentflow").raw().entrySet().stream()
            .filter(e -> e.getKey().equals("spec"))
            .flatMap(e -> Tree.list(e.getValue(), "groups").stream())
            .flatMap(group -> Tree.list(group, "rules").stream())
            .collect(Collectors.toMap(r -> Tree.string(r, "alert"), r -> Tree.string(r, "expr")));
    assertThat(expressions).containsOnlyKeys(ALERTS.keySet());
    ALERTS.forEach(
        (alert, metric) -> assertThat(expressions.get(alert)).as(alert).contains(metric));
  }

  @ParameterizedTest
  @MethodSource("dirs")
  void theDashboardIsAConfigMapGrafanasSidecarLoads(String dir) {
    Rendering rendering = rendering(dir);
    if (!rendering.hasComponent("monitoring")) {
      assertThat(rendering.ofKind("ConfigMap"))
          .map(Manifest::name)
          .doesNotContain("paymentflow-dashboard");
      return;
    }
    Manifest dashboard = rendering.one("ConfigMap", "paymentflow-dashboard");
    assertThat(dashboard.map("metadata", "labels")).containsEntry("grafana_dashboard", "1");
    assertThat(dashboard.map("data")).containsKey("paymentflow.json");
  }
}
