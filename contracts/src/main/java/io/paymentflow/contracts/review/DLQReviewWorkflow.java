package io.paymentflow.contracts.review;

import io.paymentflow.contracts.event.QuarantinedRecord;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Persists a quarantined record, then waits for an operator's decision within the review window
 * (CONTRACTS section 2.3). Its id is {@link io.paymentflow.contracts.payment.WorkflowIds#review}.
 */
@WorkflowInterface
public interface DLQReviewWorkflow {

  @WorkflowMethod
  ReviewOutcome review(QuarantinedRecord record);

  /**
   * An operator's decision. The first valid one within the review window is acted on; one that is
   * invalid (a corrected event {@code StorableEvent} refuses, no reviewer, ...), late or second is
   * not, and {@link #decisions()} says why.
   */
  @SignalMethod
  void decide(ReviewDecision decision);

  /** {@code persisting}, {@code awaiting_review}, {@code recording}, {@code completed}. */
  @QueryMethod
  String status();

  /** Every decision received so far, in order, each with what the review did with it. */
  @QueryMethod
  List<DecisionReceipt> decisions();
}
