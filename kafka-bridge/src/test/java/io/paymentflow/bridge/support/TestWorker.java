package io.paymentflow.bridge.support;

import io.paymentflow.contracts.payment.PaymentEventWorkflow;
import io.paymentflow.contracts.review.DLQReviewWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.util.concurrent.TimeUnit;

/**
 * A worker on the workflow task queue running the recording workflows, as workflow-worker would.
 */
public final class TestWorker implements AutoCloseable {

  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;
  private final WorkerFactory factory;

  public TestWorker(String target, String taskQueue, ExecutionRecorder recorder) {
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    client = WorkflowClient.newInstance(stubs);
    factory = WorkerFactory.newInstance(client);
    Worker worker =
        factory.newWorker(
            taskQueue,
            WorkerOptions.newBuilder()
                .setMaxConcurrentWorkflowTaskPollers(4)
                .setMaxConcurrentWorkflowTaskExecutionSize(50)
                // A starved CPU (2 cores, everything in one JVM) must not fail workflow tasks.
                .setDefaultDeadlockDetectionTimeout(60_000)
                .build());
    worker.registerWorkflowImplementationFactory(
        PaymentEventWorkflow.class, () -> new RecordingPaymentWorkflow(recorder));
    worker.registerWorkflowImplementationFactory(
        DLQReviewWorkflow.class, () -> new RecordingReviewWorkflow(recorder));
    factory.start();
  }

  public WorkflowClient client() {
    return client;
  }

  @Override
  public void close() throws InterruptedException {
    factory.shutdownNow();
    factory.awaitTermination(10, TimeUnit.SECONDS);
    stubs.shutdownNow();
  }
}
