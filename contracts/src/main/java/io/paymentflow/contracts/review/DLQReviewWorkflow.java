package io.paymentflow.contracts.review;

import io.paymentflow.contracts.event.QuarantinedRecord;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Persists a quarantined record, then waits for an operator's decision within the review window
 * (CONTRACTS section 2.3). Its id is {@link io.paymentflow.contracts.payment.WorkflowIds#review}.
 */
@WorkflowInterface
public interface DLQReviewWorkflow {

  @WorkflowMethod
  ReviewOutcome review(QuarantinedRecord record);

  /** The operator's decision; the first one wins, later ones are ignored. */
  @SignalMethod
  void decide(ReviewDecision decision);

  /** {@code persisting}, {@code awaiting_review}, {@code recording}, {@code completed}. */
  @QueryMethod
  String status();
}
