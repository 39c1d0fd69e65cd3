package io.paymentflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.payment.PaymentEventResult;
import io.paymentflow.contracts.payment.PaymentEventWorkflow;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.contracts.review.DLQReviewWorkflow;
import io.paymentflow.contracts.review.Resolution;
import io.paymentflow.contracts.review.ReviewOutcome;
import io.paymentflow.embeddedtemporal.EmbeddedTemporalServer;
import io.paymentflow.workflow.review.QuarantineRecords;
import io.paymentflow.workflow.support.Events;
import io.paymentflow.workflow.support.FakeInference;
import io.paymentflow.workflow.support.FakePersistence;
import io.paymentflow.workflow.support.TemporalFixture;
import io.temporal.client.WorkflowClient;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * The application as deployed, against a Temporal test server on an ephemeral port: it polls only
 * the workflow task queue, runs both workflows with activities served elsewhere, and serves its
 * probes and metrics.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "temporal-worker.review.window=1s")
@ContextConfiguration(initializers = WorkflowWorkerApplicationTest.TemporalServer.class)
class WorkflowWorkerApplicationTest {

  /** Starts the server before the context and stops it after the context's workers stopped. */
  static class TemporalServer
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      EmbeddedTemporalServer temporal = new EmbeddedTemporalServer();
      TestPropertySourceUtils.addInlinedPropertiesToEnvironment(
          context, "spring.temporal.connection.target=" + temporal.target());
      ((DefaultListableBeanFactory) context.getBeanFactory())
          .registerDisposableBean("portBoundTemporal", temporal::close);
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired WorkerFactory workerFactory;
  @Autowired WorkflowClient client;
  @Autowired List<TemporalOptionsCustomizer<WorkerFactoryOptions.Builder>> factoryCustomizers;

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void pollsOnlyTheWorkflowTaskQueueAndNoActivityTasks() {
    assertThat(workerFactory.tryGetWorker("payment-processing")).isNotNull();
    assertThat(
            workerFactory
                .tryGetWorker("payment-processing")
                .getWorkerOptions()
                .isLocalActivityWorkerOnly())
        .isTrue();
    assertThat(workerFactory.tryGetWorker("payment-inference")).isNull();
    assertThat(workerFactory.tryGetWorker("payment-persistence")).isNull();
  }

  @Test
  void workflowThreadsAreVirtualExactlyWhereTheRuntimeIsJava24OrLater() {
    WorkerFactoryOptions.Builder builder = WorkerFactoryOptions.newBuilder();
    factoryCustomizers.forEach(customizer -> customizer.customize(builder));

    assertThat(builder.build().isUsingVirtualWorkflowThreads())
        .isEqualTo(Runtime.version().feature() >= 24);
  }

  @Test
  void runsBothWorkflowsWithActivitiesOnTheirOwnQueues() {
    FakePersistence persistence = new FakePersistence();
    WorkerFactory activityWorkers = WorkerFactory.newInstance(client);
    activityWorkers
        .newWorker("payment-inference")
        .registerActivitiesImplementations(new FakeInference());
    activityWorkers.newWorker("payment-persistence").registerActivitiesImplementations(persistence);
    activityWorkers.start();
    try {
      PaymentEvent event = Events.payment("stripe:evt_app").build();
      PaymentEventResult result =
          client
              .newWorkflowStub(
                  PaymentEventWorkflow.class,
                  TemporalFixture.bridgeOptions(WorkflowIds.payment(event.eventId())))
              .process(event, Events.SOURCE);
      KafkaCoordinates readAt = new KafkaCoordinates("payments.validation.dlq", 0, 1);
      ReviewOutcome outcome =
          client
              .newWorkflowStub(
                  DLQReviewWorkflow.class,
                  TemporalFixture.bridgeOptions(WorkflowIds.review(readAt)))
              .review(QuarantineRecords.unparseable(readAt));

      assertThat(result.fraudScore()).isEqualByComparingTo("0.1234");
      assertThat(persistence.event(event.eventId())).isPresent();
      assertThat(outcome.resolution()).isEqualTo(Resolution.EXPIRED);
      assertThat(persistence.reviews()).hasSize(1);
    } finally {
      activityWorkers.shutdownNow();
      activityWorkers.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void probesAreUpWhileTemporalAnswers() throws Exception {
    HttpResponse<String> readiness = get("/actuator/health/readiness");
    HttpResponse<String> liveness = get("/actuator/health/liveness");

    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"status\":\"UP\"");
    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
  }

  @Test
  void prometheusServesTemporalSdkMetrics() {
    // The SDK's metrics scope reports to Micrometer every 10 seconds.
    await()
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              HttpResponse<String> metrics = get("/actuator/prometheus");
              assertThat(metrics.statusCode()).isEqualTo(200);
              assertThat(metrics.body()).contains("temporal_");
            });
  }
}
