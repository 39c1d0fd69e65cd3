package io.paymentflow.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.paymentflow.contracts.TaskQueues;
import io.paymentflow.contracts.inference.FraudScore;
import io.paymentflow.embeddedtemporal.EmbeddedTemporalServer;
import io.paymentflow.standin.InferenceStandIn;
import io.paymentflow.standin.Mode;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app as deployed, against a real Temporal frontend (the in-JVM test server on a TCP port) and
 * the stand-in: a workflow on another worker gets its score through this app.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class InferenceWorkerApplicationTest {

  private static final InferenceStandIn STAND_IN = InferenceStandIn.start(0);
  private static final EmbeddedTemporalServer TEMPORAL = new EmbeddedTemporalServer();
  private static final String CALLER_QUEUE = "scoring-test";

  private final HttpClient http = HttpClient.newHttpClient();
  private WorkerFactory callers;

  @Autowired WorkflowClient client;
  @Autowired List<Worker> workers;
  @LocalServerPort int port;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    registry.add("spring.temporal.connection.target", TEMPORAL::target);
    registry.add("temporal-worker.inference.service-url", STAND_IN::baseUrl);
    // Short, so the hung-service tests end soon; the shipped default is 10 s.
    registry.add("temporal-worker.inference.timeout", () -> "2");
  }

  /** The servers close with the context, after the worker has drained. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Servers {
    @Bean(destroyMethod = "close")
    InferenceStandIn standIn() {
      return STAND_IN;
    }

    @Bean(destroyMethod = "close")
    EmbeddedTemporalServer temporalServer() {
      return TEMPORAL;
    }
  }

  @BeforeEach
  void startCallingWorkflowWorker() {
    STAND_IN.setMode(Mode.HEALTHY);
    callers = WorkerFactory.newInstance(client);
    callers.newWorker(CALLER_QUEUE).registerWorkflowImplementationTypes(ScoringWorkflowImpl.class);
    callers.start();
  }

  @AfterEach
  void stopCallingWorkflowWorker() {
    STAND_IN.setMode(Mode.HEALTHY);
    callers.shutdownNow();
  }

  @Test
  void workflowGetsARealScoreThroughThisWorker() {
    long callsBefore = STAND_IN.requestCount("/fraud/score");

    FraudScore score = score("stripe:evt_app_1");

    assertThat(score.eventId()).isEqualTo("stripe:evt_app_1");
    assertThat(score.modelVersion()).isEqualTo("fraud-stand-in-1.0");
    assertThat(STAND_IN.requestCount("/fraud/score")).isEqualTo(callsBefore + 1);
  }

  @Test
  void onlyTheInferenceQueueIsPolled() {
    assertThat(workers).extracting(Worker::getTaskQueue).containsExactly(TaskQueues.INFERENCE);
  }

  @Test
  void readyAndLiveWhenTemporalIsReachable() throws Exception {
    assertThat(get("/actuator/health/readiness")).satisfies(this::isUp);
    assertThat(get("/actuator/health/liveness")).satisfies(this::isUp);
  }

  @Test
  void inferenceOutageShowsInHealthButKeepsTheWorkerReady() throws Exception {
    STAND_IN.setMode(Mode.FAIL_500);

    assertThat(get("/actuator/health").statusCode()).isEqualTo(503);
    assertThat(get("/actuator/health/readiness")).satisfies(this::isUp);
  }

  @Test
  void aServiceThatAcceptsButNeverAnswersIsDownWithinTheHealthTimeoutAndTheWorkerStaysReady()
      throws Exception {
    STAND_IN.setMode(Mode.TIMEOUT);

    long began = System.nanoTime();
    assertThat(get("/actuator/health").statusCode()).isEqualTo(503);
    assertThat(Duration.ofNanos(System.nanoTime() - began))
        .as("health-check-timeout is 2 s")
        .isLessThan(Duration.ofSeconds(4));
    assertThat(get("/actuator/health/readiness")).satisfies(this::isUp);
    assertThat(get("/actuator/health/liveness")).satisfies(this::isUp);
  }

  @Test
  void aCallToAHungServiceFailsItsAttemptRetryablyWithinTheConfiguredTimeout() {
    STAND_IN.setMode(Mode.TIMEOUT);

    long began = System.nanoTime();
    Throwable failure = catchThrowable(() -> score("stripe:evt_app_hung"));

    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(6));
    assertThat(failure).isInstanceOf(WorkflowFailedException.class);
    ApplicationFailure cause = (ApplicationFailure) failure.getCause().getCause();
    assertThat(cause.getType()).isEqualTo(HttpFailures.UNAVAILABLE);
    assertThat(cause.isNonRetryable())
        .as("Temporal retries it, then the workflow degrades")
        .isFalse();
    assertThat(cause.getOriginalMessage()).contains("did not answer within 2000 ms");
  }

  @Test
  void prometheusExposesTemporalAndInferenceMetrics() {
    score("stripe:evt_app_2");

    // The starter hands Temporal's metrics to Micrometer every 10 s.
    await()
        .atMost(Duration.ofSeconds(25))
        .untilAsserted(
            () ->
                assertThat(get("/actuator/prometheus").body())
                    .contains("inference_call_seconds_count{")
                    .contains("endpoint=\"/fraud/score\"")
                    .contains("outcome=\"success\"")
                    .contains("temporal_activity_execution_latency"));
  }

  private FraudScore score(String eventId) {
    return client
        .newWorkflowStub(
            ScoringWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(CALLER_QUEUE)
                .setWorkflowExecutionTimeout(Duration.ofSeconds(30))
                .build())
        .score(Events.succeeded(eventId));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void isUp(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"status\":\"UP\"");
  }
}
