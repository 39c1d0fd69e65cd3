package io.paymentflow.workflow.review;

import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.payment.PaymentEventWorkflow;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.contracts.persistence.PersistenceActivities;
import io.paymentflow.contracts.review.DLQReviewWorkflow;
import io.paymentflow.contracts.review.Resolution;
import io.paymentflow.contracts.review.ReviewDecision;
import io.paymentflow.contracts.review.ReviewOutcome;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * CONTRACTS section 2.3: persist the quarantined record, wait for the first valid decision up to
 * the review window, write it back, and start a {@code PaymentEventWorkflow} for a reprocess.
 */
public class DLQReviewWorkflowImpl implements DLQReviewWorkflow {

  public static final String PERSISTING = "persisting";
  public static final String AWAITING_REVIEW = "awaiting_review";
  public static final String RECORDING = "recording";
  public static final String COMPLETED = "completed";

  /** Who "decided" when nobody did within the window. */
  public static final String SYSTEM_REVIEWER = "system";

  private static final Logger log = Workflow.getLogger(DLQReviewWorkflowImpl.class);

  private final Duration reviewWindow;
  private final PersistenceActivities persistence =
      Workflow.newActivityStub(PersistenceActivities.class);

  private String status = PERSISTING;
  private ReviewDecision decision;

  /** The window comes from configuration read once at worker start, never from workflow code. */
  public DLQReviewWorkflowImpl(Duration reviewWindow) {
    this.reviewWindow = reviewWindow;
  }

  @Override
  public ReviewOutcome review(QuarantinedRecord record) {
    persistence.persistQuarantine(record);

    status = AWAITING_REVIEW;
    Workflow.await(reviewWindow, () -> decision != null);
    // Checked again rather than trusting await's result: a decision that arrived in the same
    // workflow task as the timer still wins over expiry.
    if (decision == null) {
      decision = new ReviewDecision(Resolution.EXPIRED, SYSTEM_REVIEWER, null);
    }

    status = RECORDING;
    persistence.recordReview(record.readAt(), decision);
    String reprocessWorkflowId =
        decision.resolution() == Resolution.REPROCESS
            ? startReprocess(decision.correctedEvent())
            : null;

    status = COMPLETED;
    return new ReviewOutcome(decision.resolution(), decision.reviewer(), reprocessWorkflowId);
  }

  @Override
  public void decide(ReviewDecision candidate) {
    if (decision != null) {
      log.warn("Ignoring {}: already decided {}", describe(candidate), decision.resolution());
      return;
    }
    String problem = ReviewDecisions.problem(candidate);
    if (problem != null) {
      log.warn("Ignoring {}: {}", describe(candidate), problem);
      return;
    }
    decision = candidate;
  }

  /** Resolution and reviewer only: a corrected event carries customer data. */
  private static String describe(ReviewDecision candidate) {
    return candidate == null
        ? "empty decision"
        : "decision " + candidate.resolution() + " by " + candidate.reviewer();
  }

  @Override
  public String status() {
    return status;
  }

  /**
   * Starts the corrected event's workflow under its usual id and waits only until it has started:
   * it outlives this review (abandon on close) and reports through its own row. An event already
   * processed or in progress under that id is not run twice (reject duplicate), which is success.
   */
  private String startReprocess(PaymentEvent corrected) {
    String workflowId = WorkflowIds.payment(corrected.eventId());
    ChildWorkflowOptions options =
        ChildWorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(Workflow.getInfo().getTaskQueue())
            .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .build();
    PaymentEventWorkflow child = Workflow.newChildWorkflowStub(PaymentEventWorkflow.class, options);
    Async.function(child::process, corrected);
    try {
      Workflow.getWorkflowExecution(child).get();
    } catch (ChildWorkflowFailure failure) {
      if (!(failure.getCause() instanceof WorkflowExecutionAlreadyStarted)) {
        throw failure;
      }
      log.info("Workflow {} already exists; the corrected event is not run twice", workflowId);
    }
    return workflowId;
  }
}
