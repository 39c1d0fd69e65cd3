package io.paymentflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PayloadEncoding;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.persistence.EnrichedPaymentEvent;
import io.paymentflow.contracts.review.Resolution;
import io.paymentflow.contracts.review.ReviewDecision;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The app as deployed: activities reached through Temporal, probes, metrics. */
@DbWorkerTest
class DbWorkerApplicationIT {

  private final String callerQueue = "test-callers-" + UUID.randomUUID();
  private final HttpClient http = HttpClient.newHttpClient();
  private WorkerFactory callers;

  @Autowired WorkflowClient client;
  @Autowired PersistenceProperties properties;
  @Autowired JdbcClient jdbc;
  @Autowired HealthEndpointGroups healthGroups;
  @Autowired HikariDataSource pool;
  @Autowired Worker worker;
  @Autowired SocketTimeoutCheck socketTimeout;
  @LocalServerPort int port;

  @BeforeEach
  void startCallingWorkflowWorker() {
    callers = WorkerFactory.newInstance(client);
    callers
        .newWorker(callerQueue)
        .registerWorkflowImplementationTypes(PersistingWorkflowImpl.class);
    callers.start();
  }

  @AfterEach
  void stopCallingWorkflowWorker() {
    callers.shutdownNow();
  }

  @Test
  void paymentEventPersistedThroughTemporalBecomesARow() {
    String id = TestEvents.uniqueEventId();

    run(TestEvents.fullyEnriched(id), null, null, null);

    assertThat(
            jdbc.sql("SELECT fraud_model_version FROM payment_events WHERE event_id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("fraud-v1");
  }

  @Test
  void quarantineAndReviewThroughTemporalWriteTheDecision() {
    KafkaCoordinates readAt = TestEvents.uniqueDlqCoordinates();

    run(
        null,
        TestEvents.quarantined(null, "{", PayloadEncoding.UTF8, readAt),
        readAt,
        new ReviewDecision(Resolution.DISCARD, "carol", null));

    assertThat(
            jdbc.sql("SELECT resolution FROM payment_events_quarantine WHERE dlq_topic = ?")
                .param(readAt.topic())
                .query(String.class)
                .single())
        .isEqualTo("discard");
  }

  @Test
  void permanentFailureIsNotRetriedButAMissingRowIs() {
    EnrichedPaymentEvent badTimestamp =
        TestEvents.enriched(
            TestEvents.event(TestEvents.uniqueEventId(), "yesterday", "2024-01-15T10:30:00Z"),
            null,
            null,
            null,
            List.of());
    ActivityFailure permanent = activityFailure(() -> run(badTimestamp, null, null, null));
    ActivityFailure missingRow =
        activityFailure(
            () ->
                run(
                    null,
                    null,
                    TestEvents.uniqueDlqCoordinates(),
                    new ReviewDecision(Resolution.EXPIRED, null, null)));

    assertThat(permanent.getRetryState()).isEqualTo(RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE);
    assertThat(((ApplicationFailure) permanent.getCause()).getType())
        .isEqualTo(PersistenceFailures.INVALID_ROW);
    assertThat(missingRow.getRetryState())
        .isEqualTo(RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED);
    assertThat(((ApplicationFailure) missingRow.getCause()).getType())
        .isEqualTo(PersistenceFailures.QUARANTINE_ROW_MISSING);
  }

  @Test
  void oneSettingSizesBothActivitySlotsAndConnectionPool() {
    int slots = properties.maxConcurrentActivities();

    assertThat(slots).isEqualTo(4);
    assertThat(worker.getTaskQueue()).isEqualTo(properties.persistenceTaskQueue());
    assertThat(worker.getWorkerOptions().getMaxConcurrentActivityExecutionSize()).isEqualTo(slots);
    assertThat(pool.getMaximumPoolSize())
        .isEqualTo(slots + DataSourceConfig.HEALTH_CHECK_CONNECTIONS);
  }

  @Test
  void theConfiguredSocketTimeoutEndsBeforeThePersistenceStartToClose() {
    // CONTRACTS 2.4: the persistence activities' start-to-close is 30 s by default.
    assertThat(socketTimeout.fits(Duration.ofSeconds(30))).isTrue();
  }

  @Test
  void readinessIsUpAndCoversTheDatabaseAndTemporal() throws Exception {
    HttpResponse<String> readiness = get("/actuator/health/readiness");

    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"UP\"");
    // The details an operator reads when it is not: each dependency's own status.
    assertThat(readiness.body()).contains("\"db\"", "\"temporal\"", "servingStatus");
    HttpResponse<String> liveness = get("/actuator/health/liveness");
    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(liveness.body())
        .as("a dependency's outage must not restart the pod")
        .doesNotContain("\"db\"", "\"temporal\"");
    assertThat(healthGroups.get("readiness").isMember("db")).isTrue();
    assertThat(healthGroups.get("readiness").isMember("temporal")).isTrue();
    assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
  }

  @Test
  void prometheusShowsTemporalSdkAndPersistenceMetrics() {
    run(TestEvents.fullyEnriched(TestEvents.uniqueEventId()), null, null, null);

    // The SDK reports to Micrometer every 10 s.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(get("/actuator/prometheus").body())
                    .contains("persistence_write_seconds_count{")
                    .contains("table=\"payment_events\"")
                    .contains("outcome=\"inserted\"")
                    .contains("temporal_activity_execution_latency")
                    .contains("paymentflow_reviews_pending{")
                    .contains("paymentflow_reviews_oldest_pending_age_seconds{"));
  }

  private void run(
      EnrichedPaymentEvent event,
      QuarantinedRecord record,
      KafkaCoordinates reviewAt,
      ReviewDecision decision) {
    client
        .newWorkflowStub(
            PersistingWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(callerQueue)
                .setWorkflowExecutionTimeout(Duration.ofSeconds(60))
                .build())
        .persist(properties.persistenceTaskQueue(), event, record, reviewAt, decision);
  }

  private static ActivityFailure activityFailure(Runnable run) {
    WorkflowFailedException failed = catchThrowableOfType(WorkflowFailedException.class, run::run);
    assertThat(failed).isNotNull();
    assertThat(failed.getCause()).isInstanceOf(ActivityFailure.class);
    return (ActivityFailure) failed.getCause();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
