package io.paymentflow.bridge.start;

import io.grpc.StatusRuntimeException;
import io.paymentflow.bridge.BridgeProperties;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a start is, apart from the threads that run it: its options (the task queue and the
 * contract's id policies, CONTRACTS 2.1), how long a failed attempt waits before the next, and
 * which failures no attempt will get past.
 */
@Component
public class StartPolicy {

  private final String taskQueue;
  private final Backoff backoff;

  public StartPolicy(BridgeProperties properties) {
    this.taskQueue = properties.temporalTaskQueue();
    this.backoff =
        new Backoff(
            properties.startRetryInitialBackoff(),
            properties.startRetryMaxBackoff(),
            properties.startRetryMultiplier());
  }

  /** The options of every attempt of this start; a new start needs new options. */
  WorkflowOptions options(WorkflowStart start) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(start.workflowId())
        .setTaskQueue(taskQueue)
        .setWorkflowIdConflictPolicy(WorkflowIds.CONFLICT_POLICY)
        .setWorkflowIdReusePolicy(WorkflowIds.REUSE_POLICY)
        // One request id for every attempt of this record: if an attempt reached Temporal but its
        // answer was lost, the retry is recognized as the same request, not as a duplicate.
        .setRequestId(UUID.randomUUID().toString())
        .build();
  }

  /**
   * @param failedAttempts how many attempts of this start have failed, at least 1
   */
  Duration retryDelay(int failedAttempts) {
    return backoff.delay(failedAttempts);
  }

  /**
   * Whether Temporal refused the start for good: {@code INVALID_ARGUMENT} (an input over the blob
   * size limit, an id too long, ...) comes back the same on every attempt. Every other failure
   * (unavailable, a missing namespace, a denied permission) may pass and is retried.
   */
  static boolean refusedForGood(Throwable error) {
    return "INVALID_ARGUMENT".equals(code(error));
  }

  /** The gRPC status code, or the exception's simple name when there is none. */
  static String code(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException grpc) {
        return grpc.getStatus().getCode().name();
      }
    }
    return error.getClass().getSimpleName();
  }
}
