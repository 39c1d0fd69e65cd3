package io.paymentflow.workflow;

import io.paymentflow.contracts.review.DLQReviewWorkflow;
import io.paymentflow.workflow.payment.PaymentEventWorkflowImpl;
import io.paymentflow.workflow.review.DLQReviewWorkflowImpl;
import io.paymentflow.workflow.validation.ValidationActivities;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;

/**
 * Everything the workflow worker runs, in one place so that the application, the workflow tests and
 * the replay test register exactly the same thing.
 */
public final class WorkflowRegistration {

  private WorkflowRegistration() {}

  /**
   * @param options per-activity-type timeouts, retries and task queues ({@link
   *     ActivityOptionsConfig#forWorkflows})
   * @param reviewWindow handed to each new review through its constructor, because workflow code
   *     must not read configuration itself
   * @param validation run here as a local activity; no other activity runs on this worker
   */
  public static void register(
      Worker worker,
      WorkflowImplementationOptions options,
      Duration reviewWindow,
      ValidationActivities validation) {
    worker.registerWorkflowImplementationTypes(options, PaymentEventWorkflowImpl.class);
    worker.registerWorkflowImplementationFactory(
        DLQReviewWorkflow.class, () -> new DLQReviewWorkflowImpl(reviewWindow), options);
    worker.registerActivitiesImplementations(validation);
  }
}
