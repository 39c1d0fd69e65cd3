package io.paymentflow.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paymentflow.contracts.TaskQueues;
import io.paymentflow.contracts.inference.FraudScore;
import io.paymentflow.standin.InferenceStandIn;
import io.paymentflow.standin.Mode;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Shutdown stops polling but lets the activity in flight finish and report its result. */
class WorkerLifecycleTest {

  private InferenceStandIn standIn;
  private TestWorkflowEnvironment environment;
  private WorkerFactory activityWorkers;
  private WorkerLifecycle lifecycle;

  @BeforeEach
  void setUp() {
    standIn = InferenceStandIn.start(0);
    environment =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    // The workflow runs on the environment's own factory, so it can still complete after the
    // activity worker's factory has shut down.
    environment
        .newWorker("scoring-test")
        .registerWorkflowImplementationTypes(ScoringWorkflowImpl.class);
    environment.start();

    InferenceProperties properties = TestProperties.pointingAt(standIn.baseUrl());
    activityWorkers = WorkerFactory.newInstance(environment.getWorkflowClient());
    activityWorkers
        .newWorker(TaskQueues.INFERENCE)
        .registerActivitiesImplementations(
            new InferenceActivitiesImpl(
                new InferenceClient(properties, new SimpleMeterRegistry())));
    lifecycle = new WorkerLifecycle(activityWorkers, properties);
    lifecycle.start();
  }

  @AfterEach
  void tearDown() {
    activityWorkers.shutdownNow();
    environment.close();
    standIn.close();
  }

  @Test
  void stopWaitsForTheActivityInFlight() throws Exception {
    standIn.setMode(Mode.SLOW, Duration.ofMillis(1500));
    ScoringWorkflow workflow =
        environment
            .getWorkflowClient()
            .newWorkflowStub(
                ScoringWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue("scoring-test").build());
    CompletableFuture<FraudScore> result =
        WorkflowClient.execute(workflow::score, Events.succeeded("stripe:evt_1"));
    await().atMost(Duration.ofSeconds(10)).until(() -> standIn.requestCount("/fraud/score") == 1);

    lifecycle.stop();

    assertThat(lifecycle.isRunning()).isFalse();
    assertThat(activityWorkers.isTerminated()).isTrue();
    assertThat(result.get(10, TimeUnit.SECONDS).eventId()).isEqualTo("stripe:evt_1");
    assertThat(standIn.requestCount("/fraud/score")).isEqualTo(1);
  }

  @Test
  void stopWithNothingInFlightReturnsAtOnce() {
    long started = System.nanoTime();

    lifecycle.stop();

    assertThat(activityWorkers.isTerminated()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }
}
