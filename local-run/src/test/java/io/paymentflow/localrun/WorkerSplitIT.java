package io.paymentflow.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentflow.contracts.TaskQueues;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.PaymentSource;
import io.paymentflow.contracts.payment.PaymentEventResult;
import io.paymentflow.contracts.payment.PaymentEventWorkflow;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.embeddedtemporal.EmbeddedTemporalServer;
import io.paymentflow.standin.InferenceStandIn;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three workers as separate processes against one Temporal server on a port: an event started
 * as a workflow ends as the right row, each worker polled only its own task queue, and a row the
 * database refuses is kept as a quarantine row instead.
 */
class WorkerSplitIT {

  private static final Pattern TASK_QUEUE = Pattern.compile("task_queue=\"([^\"]+)\"");
  private static final Set<String> QUEUES =
      Set.of(TaskQueues.PAYMENT_PROCESSING, TaskQueues.INFERENCE, TaskQueues.PERSISTENCE);

  @Test
  void eventBecomesRowWithEachWorkerPollingOnlyItsOwnQueue(@TempDir Path logs) throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Ports ports = Ports.ephemeral();
    LocalPostgres postgres = new LocalPostgres("localhost", 5432, "payments", "payments");
    postgres.ensureReady();
    List<AppProcess> workers = new ArrayList<>();
    try (EmbeddedTemporalServer temporal = new EmbeddedTemporalServer(ports.temporal());
        InferenceStandIn standIn = InferenceStandIn.start(0)) {
      String target = "localhost:" + ports.temporal();
      Map<String, String> env = new LinkedHashMap<>();
      env.put("TEMPORAL_WORKER_TEMPORAL_HOST", target);
      env.put("TEMPORAL_WORKER_INFERENCE_SERVICE_URL", standIn.baseUrl());
      env.put("TEMPORAL_WORKER_POSTGRES_PASSWORD", "payments");
      workers.add(AppProcess.start("workflow-worker", root, ports.workflowWorker(), env, logs));
      workers.add(
          AppProcess.start("activity-worker-inference", root, ports.inferenceWorker(), env, logs));
      workers.add(AppProcess.start("activity-worker-db", root, ports.dbWorker(), env, logs));
      for (AppProcess worker : workers) {
        worker.awaitReady(Duration.ofMinutes(3));
      }

      String eventId = "stripe:evt_split_" + UUID.randomUUID();
      WorkflowServiceStubs service =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
      try {
        PaymentEventWorkflow workflow =
            WorkflowClient.newInstance(service)
                .newWorkflowStub(
                    PaymentEventWorkflow.class,
                    WorkflowOptions.newBuilder()
                        .setWorkflowId(WorkflowIds.payment(eventId))
                        .setTaskQueue(TaskQueues.PAYMENT_PROCESSING)
                        .setWorkflowExecutionTimeout(Duration.ofMinutes(2))
                        .build());
        PaymentEventResult result =
            workflow.process(
                succeededPayment(eventId),
                PaymentSource.kafka(new KafkaCoordinates("payments.normalized", 0, 0)));

        assertThat(result.persisted()).isTrue();
        assertThat(result.validationStatus()).isEqualTo("passed");
        assertThat(result.fraudScore()).isNotNull();
        assertThat(result.churnScore()).isNotNull();
        assertThat(result.retryStrategy()).isNull();
      } finally {
        service.shutdownNow();
      }

      try (Connection db = postgres.connect();
          PreparedStatement query =
              db.prepareStatement(
                  "SELECT amount_cents, currency, validation_status, fraud_score, churn_score,"
                      + " retry_strategy FROM payment_events WHERE event_id = ?")) {
        query.setString(1, eventId);
        try (ResultSet row = query.executeQuery()) {
          assertThat(row.next()).as("row for %s", eventId).isTrue();
          assertThat(row.getLong("amount_cents")).isEqualTo(4200L);
          assertThat(row.getString("currency")).isEqualTo("EUR");
          assertThat(row.getString("validation_status")).isEqualTo("passed");
          assertThat(row.getBigDecimal("fraud_score")).isNotNull();
          assertThat(row.getBigDecimal("churn_score")).isNotNull();
          assertThat(row.getString("retry_strategy")).isNull();
          assertThat(row.next()).isFalse();
        }
      }

      assertThat(queuesIn(ports.workflowWorker())).containsExactly(TaskQueues.PAYMENT_PROCESSING);
      assertThat(queuesIn(ports.inferenceWorker())).containsExactly(TaskQueues.INFERENCE);
      assertThat(queuesIn(ports.dbWorker())).containsExactly(TaskQueues.PERSISTENCE);

      assertRefusedRowIsKeptForReview(target, postgres);
    } finally {
      workers.forEach(AppProcess::close);
    }
  }

  /**
   * An event the bridge would have quarantined, started directly: the database worker refuses its
   * row (currency not char(3)), and the workflow keeps it as a PERSIST_REJECTED quarantine row at
   * its coordinates instead of failing.
   */
  private static void assertRefusedRowIsKeptForReview(String target, LocalPostgres postgres)
      throws Exception {
    String eventId = "stripe:evt_refused_" + UUID.randomUUID();
    PaymentEvent refused = withCurrency(succeededPayment(eventId), "USDX");
    KafkaCoordinates readAt = new KafkaCoordinates("split-" + UUID.randomUUID(), 0, 7);
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    try {
      PaymentEventResult result =
          WorkflowClient.newInstance(service)
              .newWorkflowStub(
                  PaymentEventWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId(WorkflowIds.payment(eventId))
                      .setTaskQueue(TaskQueues.PAYMENT_PROCESSING)
                      .build())
              .process(refused, PaymentSource.kafka(readAt));
      assertThat(result.quarantined()).isTrue();
    } finally {
      service.shutdownNow();
    }
    try (Connection db = postgres.connect();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT event_id, failure_reason, original_payload,"
                    + " validation_errors->0->>'message' FROM payment_events_quarantine"
                    + " WHERE dlq_topic = ? AND dlq_partition = ? AND dlq_offset = ?")) {
      query.setString(1, readAt.topic());
      query.setInt(2, readAt.partition());
      query.setLong(3, readAt.offset());
      try (ResultSet row = waitForRow(query)) {
        assertThat(row.getString(1)).isEqualTo(eventId);
        assertThat(row.getString(2)).isEqualTo("PERSIST_REJECTED");
        assertThat(row.getString(3)).contains("\"currency\":\"USDX\"");
        assertThat(row.getString(4)).contains("currency");
      }
    }
  }

  /** The row is written by the review the workflow started, a moment after it completed. */
  private static ResultSet waitForRow(PreparedStatement query) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              ResultSet rs = query.executeQuery();
              if (rs.next()) {
                return rs;
              }
              rs.close();
              return null;
            },
            rs -> rs != null);
  }

  private static PaymentEvent withCurrency(PaymentEvent e, String currency) {
    return new PaymentEvent(
        e.eventId(),
        e.provider(),
        e.providerEventId(),
        e.eventType(),
        e.merchantId(),
        e.customerId(),
        e.amountCents(),
        currency,
        e.paymentMethodType(),
        e.cardBrand(),
        e.cardLastFour(),
        e.status(),
        e.failureCode(),
        e.failureMessage(),
        e.metadata(),
        e.providerCreatedAt(),
        e.processedAt(),
        e.schemaVersion());
  }

  /** The contract task queues a worker's Temporal SDK metrics mention. */
  private static Set<String> queuesIn(int port) throws Exception {
    String metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/prometheus"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Set<String> queues = new TreeSet<>();
    for (String line : metrics.split("\n")) {
      if (line.startsWith("temporal_")) {
        Matcher m = TASK_QUEUE.matcher(line);
        while (m.find()) {
          if (QUEUES.contains(m.group(1))) {
            queues.add(m.group(1));
          }
        }
      }
    }
    return queues;
  }

  private static PaymentEvent succeededPayment(String eventId) {
    return new PaymentEvent(
        eventId,
        "stripe",
        eventId.substring("stripe:".length()),
        "payment.succeeded",
        "merch_split",
        "cus_split",
        4200L,
        "EUR",
        "card",
        "visa",
        "4242",
        "succeeded",
        null,
        null,
        Map.of("order_id", "ord_split"),
        "2026-11-28T10:00:00Z",
        "2026-11-28T10:00:01.123456+00:00",
        1);
  }
}
