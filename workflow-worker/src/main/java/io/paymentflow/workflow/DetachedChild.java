package io.paymentflow.workflow;

import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;

/**
 * A child workflow that outlives the workflow starting it: a review's reprocess, a refused
 * payment's review. It runs on the parent's task queue under its contract id, and the parent waits
 * only until it has started.
 */
public final class DetachedChild {

  private DetachedChild() {}

  /** Options of a child with {@code workflowId} that is abandoned when its parent closes. */
  public static ChildWorkflowOptions options(String workflowId, WorkflowIdReusePolicy reusePolicy) {
    return ChildWorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(Workflow.getInfo().getTaskQueue())
        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
        .setWorkflowIdReusePolicy(reusePolicy)
        .build();
  }

  /**
   * Runs {@code start} (an {@code Async} call of {@code stub}'s workflow method) and waits until
   * the child has started: true then, false when a workflow of its id exists that the reuse policy
   * does not run again.
   */
  public static boolean start(Object stub, Runnable start) {
    start.run();
    try {
      Workflow.getWorkflowExecution(stub).get();
      return true;
    } catch (ChildWorkflowFailure failure) {
      if (failure.getCause() instanceof WorkflowExecutionAlreadyStarted) {
        return false;
      }
      throw failure;
    }
  }
}
