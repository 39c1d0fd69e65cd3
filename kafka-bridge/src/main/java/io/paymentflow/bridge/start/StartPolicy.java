package io.paymentflow.bridge.start;

import io.grpc.Status;
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
   * The Temporal server's refusal of a start whose input is over the namespace's blob size limit
   * ({@code limit.blobSize.error}, 2 MiB by default): {@code common.ErrBlobSizeExceedsLimit} in
   * temporalio/temporal's common/util.go, the same text from v1.20 to v1.32.
   */
  static final String BLOB_SIZE_EXCEEDS_LIMIT = "Blob data size exceeds limit.";

  /**
   * Its refusal of a workflow id longer than {@code limit.maxIDLength} (1000 by default, counted in
   * bytes), up to v1.31: {@code errWorkflowIDTooLong} in temporalio/temporal's
   * service/frontend/errors.go.
   */
  static final String WORKFLOW_ID_TOO_LONG = "WorkflowId length exceeds limit.";

  /**
   * The same refusal from v1.32 on ({@code RequestValidator.ValidateWorkflowID} in
   * chasm/lib/workflow/validator.go), followed by the lengths, e.g. {@code (218/200)}: what the
   * v1.32.1 server of tools/temporal-server answers.
   */
  static final String WORKFLOW_ID_OVER_MAX_LENGTH = "WorkflowId exceeds maximum allowed length";

  /**
   * Whether Temporal refused the start for good, because of this start's size or id: the server's
   * {@code INVALID_ARGUMENT} with one of the texts above comes back the same on every attempt, so
   * only a smaller start (the record's review) can get past it. Any other {@code INVALID_ARGUMENT}
   * may not be about the record at all (a server setting, a proxy, a server of another version) and
   * may pass, so it is retried like every other failure (unavailable, a missing namespace, a denied
   * permission): replacing the event by its review then would put a valid event in the wrong table
   * for good. The text is looked for anywhere in the status' description, where a proxy may have
   * wrapped it.
   */
  static boolean refusedForGood(Throwable error) {
    StatusRuntimeException grpc = grpc(error);
    if (grpc == null || grpc.getStatus().getCode() != Status.Code.INVALID_ARGUMENT) {
      return false;
    }
    String description = grpc.getStatus().getDescription();
    return description != null
        && (description.contains(BLOB_SIZE_EXCEEDS_LIMIT)
            || description.contains(WORKFLOW_ID_TOO_LONG)
            || description.contains(WORKFLOW_ID_OVER_MAX_LENGTH));
  }

  /** What the server said, for the review of a refused start: its code and description. */
  static String refusal(Throwable error) {
    StatusRuntimeException grpc = grpc(error);
    return grpc == null
        ? error.toString()
        : grpc.getStatus().getCode() + ": " + grpc.getStatus().getDescription();
  }

  /** The gRPC status code, or the exception's simple name when there is none. */
  static String code(Throwable error) {
    StatusRuntimeException grpc = grpc(error);
    return grpc != null ? grpc.getStatus().getCode().name() : error.getClass().getSimpleName();
  }

  private static StatusRuntimeException grpc(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException grpc) {
        return grpc;
      }
    }
    return null;
  }
}
