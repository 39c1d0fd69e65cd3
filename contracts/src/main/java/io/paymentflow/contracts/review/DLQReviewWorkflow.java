package io.paymentflow.contracts.review;

import io.paymentflow.contracts.event.QuarantinedRecord;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
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
   * An operator's decision, and what became of it. The first valid one within the review window is
   * acted on; one that is invalid (a corrected event {@code StorableEvent} refuses, or one with
   * another event id than the reviewed record's, no reviewer, ...), late or second is refused, and
   * the caller is told why ({@link #validateDecision}). Returns once the decision is on the row and
   * a reprocess has started, with the row's decision (another one when a second review of the same
   * record was decided first) and the reprocess's outcome.
   */
  @UpdateMethod
  ReviewOutcome submitDecision(ReviewDecision decision);

  /** Refuses, before it reaches the history, a decision {@link #submitDecision} would not take. */
  @UpdateValidatorMethod(updateName = "submitDecision")
  void validateDecision(ReviewDecision decision);

  /**
   * The same decision as a signal, which returns nothing: kept for the histories and tools from
   * before {@link #submitDecision}. What became of it is in {@link #decisions()}.
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
