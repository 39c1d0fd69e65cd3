package io.paymentflow.bridge.start;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import org.springframework.stereotype.Component;

/**
 * One start attempt, and what its outcome means. Going through the SDK (not raw gRPC) keeps its
 * data converter, interceptors and typed "already started" exception, which is how duplicates of
 * closed workflows are recognized (CONTRACTS 2.1: by type, never by message text).
 */
@Component
public class StartCall {

  private final WorkflowClient client;
  private final StartedFlagInterceptor startedFlag;

  public StartCall(WorkflowClient client, StartedFlagInterceptor startedFlag) {
    this.client = client;
    this.startedFlag = startedFlag;
  }

  /**
   * @throws RuntimeException whatever the SDK threw; the caller decides whether to retry
   */
  StartOutcome attempt(WorkflowStart start, WorkflowOptions options) {
    try {
      client.newUntypedWorkflowStub(start.workflowType(), options).start(start.arguments());
    } catch (WorkflowExecutionAlreadyStarted closedDuplicate) {
      return StartOutcome.DUPLICATE;
    }
    return startedFlag.attachedToRunning(options.getRequestId())
        ? StartOutcome.DUPLICATE
        : StartOutcome.STARTED;
  }
}
