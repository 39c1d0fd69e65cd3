package io.paymentflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentflow.contracts.TaskQueues;
import io.paymentflow.localrun.LocalSystem;
import io.paymentflow.standin.InferenceStandIn;
import io.paymentflow.standin.Mode;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every metric the Grafana dashboard draws and the alerts evaluate is one the apps export: each
 * name in deploy/kustomize/components/monitoring/ is looked up in the four apps' real {@code
 * /actuator/prometheus}, scraped from the running system after a stream with duplicates, poison
 * records and failing inference calls, so that the metrics that appear only on first use are there
 * too.
 */
@Order(10)
@ExtendWith(RunningSystem.class)
class MetricNamesIT {

  private static final Path MONITORING =
      Path.of("../deploy/kustomize/components/monitoring").toAbsolutePath().normalize();

  /** Our metrics, the Temporal SDK's and the Kafka client's: the names the component uses. */
  private static final Pattern METRIC =
      Pattern.compile("\\b(?:paymentflow|temporal|kafka|persistence|inference)_[a-z0-9_]+\\b");

  private static final Pattern EXPORTED = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

  @Test
  void everyMetricOfTheDashboardAndTheAlertsIsExportedByAnApp(LocalSystem system) throws Exception {
    // Some metrics appear only on first use: make inference fail a few times.
    InferenceStandIn inference = system.standIn();
    try {
      new Scenario("a short stream through failing, then healthy inference", system)
          .run(
              30,
              30,
              Duration.ofMinutes(2),
              s -> {
                long before = inference.requestCount("/churn/predict");
                inference.setMode(Mode.FAIL_500);
                s.fault("inference answers 500");
                await("three failed churn calls")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> inference.requestCount("/churn/predict") >= before + 3);
                inference.setMode(Mode.HEALTHY);
                s.fault("inference healthy");
              });
    } finally {
      inference.setMode(Mode.HEALTHY);
    }
    // And a workflow task fail: a run whose input its code cannot decode (then it goes).
    String undecodable = failAWorkflowTask(system);

    Set<String> used = new TreeSet<>();
    used.addAll(names(Files.readString(MONITORING.resolve("dashboards/paymentflow.json"))));
    used.addAll(names(Files.readString(MONITORING.resolve("prometheusrule.yaml"))));
    assertThat(used).as("names found in the component").hasSizeGreaterThan(15);

    // Kafka's per-partition metrics reach Micrometer at its next refresh, within a minute.
    await("every name exported")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              Set<String> missing = new TreeSet<>(used);
              missing.removeAll(exported(system));
              assertThat(missing)
                  .as("names the dashboard or an alert uses that no app exports")
                  .isEmpty();
            });
    terminate(system, undecodable);
    System.out.println(
        "metric names: " + used.size() + " used by the dashboard and the alerts, all exported");
  }

  /** Starts a payment workflow with an input no worker can decode; returns its id. */
  private static String failAWorkflowTask(LocalSystem system) {
    String workflowId = "metric-names-undecodable-" + UUID.randomUUID();
    WorkflowServiceStubs service = stubs(system);
    try {
      WorkflowClient.newInstance(service)
          .newUntypedWorkflowStub(
              "PaymentEventWorkflow",
              WorkflowOptions.newBuilder()
                  .setWorkflowId(workflowId)
                  .setTaskQueue(TaskQueues.PAYMENT_PROCESSING)
                  .build())
          .start("not an event", "nor a source");
    } finally {
      service.shutdownNow();
    }
    return workflowId;
  }

  private static void terminate(LocalSystem system, String workflowId) {
    WorkflowServiceStubs service = stubs(system);
    try {
      WorkflowClient.newInstance(service)
          .newUntypedWorkflowStub(workflowId)
          .terminate("MetricNamesIT: its workflow task failed, as it was meant to");
    } finally {
      service.shutdownNow();
    }
  }

  private static WorkflowServiceStubs stubs(LocalSystem system) {
    return WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder()
            .setTarget(system.options().temporalAddress())
            .build());
  }

  private static Set<String> names(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = METRIC.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group());
    }
    return names;
  }

  private static Set<String> exported(LocalSystem system) {
    Set<String> names = new TreeSet<>();
    for (String app : LocalSystem.APPS) {
      for (String line : Metrics.scrape(system.app(app).port()).split("\n")) {
        Matcher matcher = EXPORTED.matcher(line);
        if (matcher.find()) {
          names.add(matcher.group(1));
        }
      }
    }
    return names;
  }
}
