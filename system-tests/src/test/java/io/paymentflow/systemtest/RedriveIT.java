package io.paymentflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentflow.contracts.Payloads;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.localrun.LocalSystem;
import io.paymentflow.standin.InferenceStandIn;
import io.paymentflow.standin.Mode;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 24, N5: a run that ends without finishing after its offset was committed (here an
 * operator's terminate, mid-flight) leaves its record in no table, and nothing delivers it again.
 * The bridge counts it ({@code paymentflow_runs_to_redrive}), the alert's expression fires on that
 * count in promtool, and the README's re-drive commands, run as written, list it with its Kafka
 * coordinates and make its record one row.
 */
@Order(6)
@ExtendWith(RunningSystem.class)
class RedriveIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String GAUGE = "paymentflow_runs_to_redrive";
  private static final String TERMINATED_PAYMENTS =
      GAUGE
          + "{application=\"kafka-bridge\",status=\"terminated\",workflow_type=\"PaymentEventWorkflow\"}";

  /** The README's example workflow id. */
  private static final String EXAMPLE_ID = "payment-stripe:evt_mine_1";

  @Test
  void aRunTerminatedMidFlightIsAlertedAndTheReadmesRedriveMakesItOneRow(LocalSystem system)
      throws Exception {
    String eventId = "stripe:evt_redrive_" + UUID.randomUUID();
    String workflowId = WorkflowIds.payment(eventId);
    int bridge = system.app(LocalSystem.BRIDGE).port();
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(system.options().temporalAddress())
                .build());
    WorkflowClient client =
        WorkflowClient.newInstance(
            service,
            WorkflowClientOptions.newBuilder().setDataConverter(Payloads.converter()).build());
    InferenceStandIn inference = system.standIn();
    try {
      // Held in its enrichment, so it is terminated with its offset committed and no row.
      inference.setMode(Mode.SLOW, Duration.ofSeconds(30));
      Records.publish(system, system.inputTopic(), event(eventId));
      await("the event's run, in flight")
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(() -> status(service, workflowId) == running());
      client.newUntypedWorkflowStub(workflowId).terminate("RedriveIT: a run ended mid-flight");
    } finally {
      inference.setMode(Mode.HEALTHY);
    }

    double counted =
        await("the bridge counts the terminated run")
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofSeconds(2))
            .until(() -> value(Metrics.scrape(bridge), TERMINATED_PAYMENTS), n -> n >= 1);
    assertThat(rows(system, eventId)).as("no row while the run is terminated").isZero();
    String promtool = AlertExpressions.fire("PaymentflowRunsToRedrive", GAUGE, counted);

    List<List<String>> commands = redriveCommands();
    assertThat(commands).as("the README's re-drive commands").hasSize(2);
    List<String> printed = new ArrayList<>();
    for (List<String> readme : commands) {
      List<String> command = new ArrayList<>();
      for (String word : readme) {
        command.add(
            word.replace("localhost:8080", "localhost:" + bridge).replace(EXAMPLE_ID, workflowId));
      }
      String out = curl(command);
      printed.add("$ " + String.join(" ", readme) + "\n" + out);
      assertThat(out).contains(workflowId);
      if (command.contains("POST")) {
        assertThat(out)
            .contains("\"outcome\":\"started\"")
            .contains("\"previous_status\":\"terminated\"");
      } else {
        assertThat(out).contains("\"read_at\"").contains(system.inputTopic());
      }
    }

    await("the re-driven record's row")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> rows(system, eventId) == 1);
    await("the count back to 0")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> value(Metrics.scrape(bridge), TERMINATED_PAYMENTS), n -> n == 0);
    service.shutdownNow();
    System.out.println(String.join("\n", printed));
    System.out.printf(
        "--- report: re-drive | terminated mid-flight, counted %.0f, %s | README commands %d |"
            + " rows 1%n",
        counted, promtool, commands.size());
  }

  private static long rows(LocalSystem system, String eventId) throws Exception {
    return RowChecks.count(
        system.postgres(), "SELECT count(*) FROM payment_events WHERE event_id = ?", eventId);
  }

  private static WorkflowExecutionStatus running() {
    return WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }

  private static WorkflowExecutionStatus status(WorkflowServiceStubs service, String workflowId) {
    return service
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace("default")
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build())
        .getWorkflowExecutionInfo()
        .getStatus();
  }

  /** The value of one series of the exposition, by its exact labels; NaN when absent. */
  private static double value(String exposition, String series) {
    for (String line : exposition.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).strip());
      }
    }
    return Double.NaN;
  }

  private static List<List<String>> redriveCommands() throws IOException {
    return ReadmeCommands.of(ROOT.resolve("README.md"), "curl").stream()
        .filter(words -> words.stream().anyMatch(w -> w.contains("/actuator/redrive")))
        .toList();
  }

  private static String curl(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    assertThat(process.exitValue()).as(command + "\n" + out).isZero();
    return out;
  }

  private static String event(String eventId) {
    return """
        {"event_id":"%s","provider":"stripe","provider_event_id":"evt_redrive",\
        "event_type":"payment.succeeded","customer_id":"cus_42","amount_cents":1999,"currency":"USD",\
        "status":"succeeded","provider_created_at":"2026-11-28T10:00:00Z",\
        "processed_at":"2026-11-28T10:00:01.000001+00:00","schema_version":1}"""
        .formatted(eventId);
  }
}
