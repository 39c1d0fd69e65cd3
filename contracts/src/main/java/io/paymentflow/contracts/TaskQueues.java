package io.paymentflow.contracts;

/**
 * Default task-queue names (CONTRACTS section 2). Every app can override them through its {@code
 * TEMPORAL_WORKER_*_TASK_QUEUE} variable; these are the values all apps agree on out of the box.
 */
public final class TaskQueues {

  /** Workflow tasks of {@code PaymentEventWorkflow} and {@code DLQReviewWorkflow}. */
  public static final String PAYMENT_PROCESSING = "payment-processing";

  /** Activity tasks that call the inference service. */
  public static final String INFERENCE = "payment-inference";

  /** Activity tasks that write PostgreSQL. */
  public static final String PERSISTENCE = "payment-persistence";

  private TaskQueues() {}
}
