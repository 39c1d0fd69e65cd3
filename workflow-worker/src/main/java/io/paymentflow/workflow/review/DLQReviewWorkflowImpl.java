package io.paymentflow.workflow.review;

import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.PaymentSource;
import io.paymentflow.contracts.event.QuarantineReason;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.payment.PaymentEventWorkflow;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.contracts.persistence.PersistenceActivities;
import io.paymentflow.contracts.review.DLQReviewWorkflow;
import io.paymentflow.contracts.review.DecisionReceipt;
import io.paymentflow.contracts.review.ReprocessOutcome;
import io.paymentflow.contracts.review.Resolution;
import io.paymentflow.contracts.review.ReviewDecision;
import io.paymentflow.contracts.review.ReviewOutcome;
import io.paymentflow.workflow.DetachedChild;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * Version 1: corrected events are checked with {@code StorableEvent}, a reprocess runs under the
   * contract's reuse policy with its source, and its outcome is written to the row. Reviews started
   * before it have no marker and finish as they began.
   */
  static final String REVIEW_OUTCOMES = "review-outcomes";

  private static final int NO_VERSION_YET = Integer.MIN_VALUE;

  /** Receipts kept for the query: enough for any operator, bounded against a flood of signals. */
  private static final int MAX_RECEIPTS = 100;

  private static final Logger log = Workflow.getLogger(DLQReviewWorkflowImpl.class);

  private final Duration reviewWindow;
  private final PersistenceActivities persistence =
      Workflow.newActivityStub(PersistenceActivities.class);

  private final List<DecisionReceipt> receipts = new ArrayList<>();
  private String status = PERSISTING;
  private ReviewDecision decision;
  private int version = NO_VERSION_YET;

  /** The window comes from configuration read once at worker start, never from workflow code. */
  public DLQReviewWorkflowImpl(Duration reviewWindow) {
    this.reviewWindow = reviewWindow;
  }

  @Override
  public ReviewOutcome review(QuarantinedRecord record) {
    version();
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
    String reprocessWorkflowId = null;
    ReprocessOutcome reprocess = null;
    if (decision.resolution() == Resolution.REPROCESS) {
      PaymentEvent corrected = decision.correctedEvent();
      reprocessWorkflowId = WorkflowIds.payment(corrected.eventId());
      if (version() >= 1) {
        boolean refused = QuarantineReason.PERSIST_REJECTED.name().equals(record.failureReason());
        boolean started =
            startReprocess(
                corrected,
                PaymentSource.reprocessOf(record.readAt()),
                refused ? WorkflowIds.REPROCESS_OF_REFUSED_REUSE_POLICY : WorkflowIds.REUSE_POLICY);
        reprocess =
            new ReprocessOutcome(
                started ? ReprocessOutcome.STARTED : ReprocessOutcome.ALREADY_PROCESSED,
                reprocessWorkflowId);
        persistence.recordReprocessOutcome(record.readAt(), reprocess);
      } else {
        // As reviews begun before version 1 ran it.
        startReprocess(
            corrected, null, WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE);
      }
    }

    status = COMPLETED;
    return new ReviewOutcome(
        decision.resolution(), decision.reviewer(), reprocessWorkflowId, reprocess);
  }

  @Override
  public void decide(ReviewDecision candidate) {
    String refusal =
        decision != null ? alreadyDecided() : ReviewDecisions.problem(candidate, version() >= 1);
    Resolution resolution = candidate == null ? null : candidate.resolution();
    String reviewer = candidate == null ? null : candidate.reviewer();
    if (receipts.size() == MAX_RECEIPTS) {
      receipts.remove(0);
    }
    receipts.add(new DecisionReceipt(resolution, reviewer, refusal == null, refusal));
    if (refusal != null) {
      log.warn("Not taking {}: {}", describe(candidate), refusal);
      return;
    }
    decision = candidate;
  }

  @Override
  public String status() {
    return status;
  }

  @Override
  public List<DecisionReceipt> decisions() {
    return List.copyOf(receipts);
  }

  private String alreadyDecided() {
    return decision.resolution() == Resolution.EXPIRED
        ? "the review window closed before this decision; the record is expired"
        : "already decided: " + decision.resolution().columnValue() + " by " + decision.reviewer();
  }

  /**
   * The version of this review's code path, read once: from the marker of a review that has one,
   * else {@code DEFAULT_VERSION} for a review begun before it existed. The first caller, the
   * workflow method or a signal that beats it, records the marker.
   */
  private int version() {
    if (version == NO_VERSION_YET) {
      version = Workflow.getVersion(REVIEW_OUTCOMES, Workflow.DEFAULT_VERSION, 1);
    }
    return version;
  }

  /** Resolution and reviewer only: a corrected event carries customer data. */
  private static String describe(ReviewDecision candidate) {
    return candidate == null
        ? "empty decision"
        : "decision " + candidate.resolution() + " by " + candidate.reviewer();
  }

  /**
   * Starts the corrected event's workflow under its usual id and waits only until it has started:
   * it outlives this review (abandon on close) and reports through its own row, or, if PostgreSQL
   * refuses that row, through this one. False when a workflow of that id exists that the reuse
   * policy does not run again (running or completed): the event is not run twice.
   */
  private boolean startReprocess(
      PaymentEvent corrected, PaymentSource source, WorkflowIdReusePolicy reusePolicy) {
    String workflowId = WorkflowIds.payment(corrected.eventId());
    PaymentEventWorkflow child =
        Workflow.newChildWorkflowStub(
            PaymentEventWorkflow.class, DetachedChild.options(workflowId, reusePolicy));
    boolean started =
        DetachedChild.start(child, () -> Async.function(child::process, corrected, source));
    if (!started) {
      log.info("Workflow {} already exists; the corrected event is not run twice", workflowId);
    }
    return started;
  }
}
