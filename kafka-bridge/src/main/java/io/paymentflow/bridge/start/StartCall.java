package io.paymentflow.bridge.start;

import io.grpc.StatusRuntimeException;
import io.paymentflow.bridge.BridgeMetrics;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;

/**
 * One start attempt: the SDK call, what its outcome means, and its metrics. Going through the SDK
 * (not raw gRPC) keeps its data converter, interceptors and typed "already started" exception,
 * which is how duplicates of closed workflows are recognized (CONTRACTS 2.1: by type, never by
 * message text).
 */
final class StartCall {

  private final WorkflowClient client;
  private final StartedFlagInterceptor startedFlag;
  private final BridgeMetrics metrics;
  private final StartFailures failures;

  StartCall(
      WorkflowClient client,
      StartedFlagInterceptor startedFlag,
      BridgeMetrics metrics,
      StartFailures failures) {
    this.client = client;
    this.startedFlag = startedFlag;
    this.metrics = metrics;
    this.failures = failures;
  }

  /**
   * @throws RuntimeException whatever the SDK threw, after counting it; the caller retries
   */
  StartOutcome attempt(WorkflowStart start, WorkflowOptions options) {
    String type = start.workflowType();
    long began = System.nanoTime();
    StartOutcome outcome;
    try {
      outcome = call(start, options);
    } catch (RuntimeException e) {
      metrics.startLatency(type, "failed", System.nanoTime() - began);
      metrics.startFailed(type, code(e));
      failures.failed(e);
      throw e;
    }
    metrics.startLatency(type, outcome.tag(), System.nanoTime() - began);
    if (outcome == StartOutcome.STARTED) {
      metrics.started(type);
    } else {
      metrics.duplicate(type);
    }
    failures.succeeded();
    return outcome;
  }

  private StartOutcome call(WorkflowStart start, WorkflowOptions options) {
    try {
      client.newUntypedWorkflowStub(start.workflowType(), options).start(start.arguments());
    } catch (WorkflowExecutionAlreadyStarted closedDuplicate) {
      return StartOutcome.DUPLICATE;
    }
    return startedFlag.attachedToRunning(options.getRequestId())
        ? StartOutcome.DUPLICATE
        : StartOutcome.STARTED;
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
