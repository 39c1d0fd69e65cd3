package io.paymentflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentflow.embeddedtemporal.EmbeddedTemporalServer;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.RetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The drain against a real (in-JVM) Temporal server: the workflow runs on a factory of its own, so
 * it still completes after the drained factory, which runs only the activity, has stopped.
 */
class WorkerDrainTest {

  private static final String WORKFLOW_QUEUE = "drain-test-workflows";
  private static final String ACTIVITY_QUEUE = "drain-test-activities";

  @ActivityInterface
  public interface Step {
    String run(long millis);
  }

  @WorkflowInterface
  public interface OneStep {
    @WorkflowMethod
    String run(long millis);
  }

  public static class OneStepImpl implements OneStep {
    @Override
    public String run(long millis) {
      return Workflow.newActivityStub(
              Step.class,
              ActivityOptions.newBuilder()
                  .setTaskQueue(ACTIVITY_QUEUE)
                  .setStartToCloseTimeout(Duration.ofSeconds(30))
                  .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                  .build())
          .run(millis);
    }
  }

  /** Sleeps as told; counts calls, and whether one was interrupted. */
  static class SleepingStep implements Step {
    final CountDownLatch began = new CountDownLatch(1);
    final AtomicInteger finished = new AtomicInteger();
    final AtomicBoolean interrupted = new AtomicBoolean();

    @Override
    public String run(long millis) {
      began.countDown();
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        interrupted.set(true);
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted");
      }
      finished.incrementAndGet();
      return "slept " + millis;
    }
  }

  private final EmbeddedTemporalServer temporal = new EmbeddedTemporalServer();
  private final WorkflowServiceStubs stubs =
      WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build());
  private final WorkflowClient client = WorkflowClient.newInstance(stubs);
  private final WorkerFactory workflows = WorkerFactory.newInstance(client);
  private final WorkerFactory activities = WorkerFactory.newInstance(client);
  private final SleepingStep step = new SleepingStep();

  WorkerDrainTest() {
    workflows.newWorker(WORKFLOW_QUEUE).registerWorkflowImplementationTypes(OneStepImpl.class);
    workflows.start();
    activities.newWorker(ACTIVITY_QUEUE).registerActivitiesImplementations(step);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    activities.shutdownNow();
    workflows.shutdownNow();
    stubs.shutdownNow();
    temporal.close();
  }

  @Test
  void startingTheDrainStartsPolling() throws Exception {
    WorkerDrain drain = new WorkerDrain(activities, Duration.ofSeconds(5));
    assertThat(activities.isStarted()).isFalse();

    drain.start();

    assertThat(drain.isRunning()).isTrue();
    assertThat(run(10).getResult(10, TimeUnit.SECONDS, String.class)).isEqualTo("slept 10");
  }

  @Test
  void stopLetsTheActivityInFlightFinishAndReportItsResult() throws Exception {
    WorkerDrain drain = new WorkerDrain(activities, Duration.ofSeconds(10));
    drain.start();
    WorkflowStub workflow = run(1500);
    assertThat(step.began.await(10, TimeUnit.SECONDS)).isTrue();

    drain.stop();

    assertThat(drain.isRunning()).isFalse();
    assertThat(activities.isTerminated()).isTrue();
    assertThat(step.finished).hasValue(1);
    assertThat(workflow.getResult(10, TimeUnit.SECONDS, String.class)).isEqualTo("slept 1500");
  }

  @Test
  void whatRunsPastTheGracePeriodIsInterrupted() throws Exception {
    WorkerDrain drain = new WorkerDrain(activities, Duration.ofMillis(300));
    drain.start();
    run(60_000);
    assertThat(step.began.await(10, TimeUnit.SECONDS)).isTrue();
    long began = System.nanoTime();

    drain.stop();

    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
    await().atMost(Duration.ofSeconds(10)).untilTrue(step.interrupted);
    assertThat(step.finished).hasValue(0);
    assertThat(drain.isRunning()).isFalse();
  }

  @Test
  void stopWithNothingInFlightReturnsAtOnce() {
    WorkerDrain drain = new WorkerDrain(activities, Duration.ofSeconds(30));
    drain.start();
    long began = System.nanoTime();

    drain.stop();

    assertThat(activities.isTerminated()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
  }

  private WorkflowStub run(long millis) {
    WorkflowStub stub =
        client.newUntypedWorkflowStub(
            "OneStep", WorkflowOptions.newBuilder().setTaskQueue(WORKFLOW_QUEUE).build());
    stub.start(millis);
    return stub;
  }
}
