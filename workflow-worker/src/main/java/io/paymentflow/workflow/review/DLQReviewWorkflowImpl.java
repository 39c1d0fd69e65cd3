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
import io.paymentflow.contracts.review.RecordedDecision;
import io.paymentflow.contracts.review.ReprocessOutcome;
import io.paymentflow.contracts.review.Resolution;
import io.paymentflow.contracts.review.ReviewDecision;
import io.paymentflow.contracts.review.ReviewOutcome;
import io.paymentflow.workflow.DetachedChild;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

  /**
   * Version 1: a decision is taken only for the reviewed record's own event id, and a row an
   * operator has decided is never decided again: a review whose row was decided by an earlier
   * review of the same record ends at once with that decision, and one whose decision the row did
   * not take (a second review decided first) acts on nothing. Reviews started before it have no
   * marker and finish as they began.
   */
  static final String DECIDED_ROWS = "decided-rows";

  private static final int NO_VERSION_YET = Integer.MIN_VALUE;

  /** Receipts kept for the query: enough for any operator, bounded against a flood of signals. */
  private static final int MAX_RECEIPTS = 100;

  private static final Logger log = Workflow.getLogger(DLQReviewWorkflowImpl.class);

  private final Duration reviewWindow;
  private final PersistenceActivities persistence =
      Workflow.newActivityStub(PersistenceActivities.class);

  private final List<DecisionReceipt> receipts = new ArrayList<>();

  /** Signals that arrived before this review read its record, taken in order once it has. */
  private final List<ReviewDecision> early = new ArrayList<>();

  private QuarantinedRecord record;
  private String status = PERSISTING;
  private ReviewDecision decision;
  private RecordedDecision decidedBefore;
  private ReviewOutcome outcome;
  private int outcomesVersion = NO_VERSION_YET;
  private int decidedRowsVersion = NO_VERSION_YET;

  /** The window comes from configuration read once at worker start, never from workflow code. */
  public DLQReviewWorkflowImpl(Duration reviewWindow) {
    this.reviewWindow = reviewWindow;
  }

  @Override
  public ReviewOutcome review(QuarantinedRecord record) {
    this.record = record;
    outcomesVersion();
    decidedRowsVersion();
    early.forEach(this::decide);
    early.clear();
    RecordedDecision onRow = persistence.persistQuarantine(record);
    if (decidedRowsVersion() >= 1 && onRow != null && onRow.byOperator()) {
      // An earlier review of this record was decided (it ran, failed and runs again, or the record
      // came again after Temporal forgot its review): that decision stands.
      decidedBefore = onRow;
      log.info(
          "The record's row was decided before: {} by {}", onRow.resolution(), onRow.reviewer());
      return complete(new ReviewOutcome(onRow.resolution(), onRow.reviewer(), null, null));
    }

    status = AWAITING_REVIEW;
    Workflow.await(reviewWindow, () -> decision != null);
    // Checked again rather than trusting await's result: a decision that arrived in the same
    // workflow task as the timer still wins over expiry.
    if (decision == null) {
      decision = new ReviewDecision(Resolution.EXPIRED, SYSTEM_REVIEWER, null);
    }

    status = RECORDING;
    RecordedDecision recorded = persistence.recordReview(record.readAt(), decision);
    if (decidedRowsVersion() >= 1 && recorded != null && !isDecision(recorded, decision)) {
      // A second review of the same record was decided first; the row keeps its decision, and
      // this one acts on nothing.
      log.warn(
          "The record's row keeps the decision {} by {}; not acting on {}",
          recorded.resolution(),
          recorded.reviewer(),
          decision.resolution());
      return complete(new ReviewOutcome(recorded.resolution(), recorded.reviewer(), null, null));
    }
    String reprocessWorkflowId = null;
    ReprocessOutcome reprocess = null;
    if (decision.resolution() == Resolution.REPROCESS) {
      PaymentEvent corrected = decision.correctedEvent();
      reprocessWorkflowId = WorkflowIds.payment(corrected.eventId());
      if (outcomesVersion() >= 1) {
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
    return complete(
        new ReviewOutcome(
            decision.resolution(), decision.reviewer(), reprocessWorkflowId, reprocess));
  }

  @Override
  public ReviewOutcome submitDecision(ReviewDecision candidate) {
    // The validator may have run before the record was read: its event id is checked here.
    Workflow.await(() -> record != null);
    // Updates are newer than every version of this workflow: the newest rules apply to them.
    String refusal = refusal(candidate, true, true);
    receipt(candidate, refusal);
    if (refusal != null) {
      // The validator refuses most before they reach the history; what it could not yet know
      // (a decision that beat another one) is refused here.
      throw ApplicationFailure.newNonRetryableFailure(refusal, "DecisionRefused");
    }
    decision = candidate;
    Workflow.await(() -> outcome != null);
    return outcome;
  }

  @Override
  public void validateDecision(ReviewDecision candidate) {
    // No version is read here: a validator must not write to the history. Updates are newer than
    // every version of this workflow, so the newest rules apply to them.
    String refusal =
        decision != null || decidedBefore != null
            ? alreadyDecided()
            : ReviewDecisions.problem(candidate, true, true, record);
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
  }

  @Override
  public void decide(ReviewDecision candidate) {
    if (record == null) {
      // A signal can be delivered before the workflow method has run (sent with the start, or in
      // the same workflow task): it is judged once the record it must match is known.
      early.add(candidate);
      return;
    }
    String refusal = refusal(candidate, outcomesVersion() >= 1, decidedRowsVersion() >= 1);
    receipt(candidate, refusal);
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

  /**
   * Why {@code candidate} cannot be taken now, or null when it is the review's decision.
   *
   * @param storable whether a corrected event must pass {@code StorableEvent}
   * @param bound whether a corrected event must have the reviewed record's event id
   */
  private String refusal(ReviewDecision candidate, boolean storable, boolean bound) {
    if (decision != null || decidedBefore != null) {
      return alreadyDecided();
    }
    return ReviewDecisions.problem(candidate, storable, bound, record);
  }

  private void receipt(ReviewDecision candidate, String refusal) {
    Resolution resolution = candidate == null ? null : candidate.resolution();
    String reviewer = candidate == null ? null : candidate.reviewer();
    if (receipts.size() == MAX_RECEIPTS) {
      receipts.remove(0);
    }
    receipts.add(new DecisionReceipt(resolution, reviewer, refusal == null, refusal));
  }

  private ReviewOutcome complete(ReviewOutcome result) {
    status = COMPLETED;
    outcome = result;
    return result;
  }

  private static boolean isDecision(RecordedDecision recorded, ReviewDecision decision) {
    return recorded.resolution() == decision.resolution()
        && Objects.equals(recorded.reviewer(), decision.reviewer());
  }

  private String alreadyDecided() {
    if (decidedBefore != null) {
      return "already decided by an earlier review of this record: "
          + decidedBefore.resolution().columnValue()
          + " by "
          + decidedBefore.reviewer();
    }
    return decision.resolution() == Resolution.EXPIRED
        ? "the review window closed before this decision; the record is expired"
        : "already decided: " + decision.resolution().columnValue() + " by " + decision.reviewer();
  }

  /**
   * The version of this review's code path, read once: from the marker of a review that has one,
   * else {@code DEFAULT_VERSION} for a review begun before it existed. The first caller, the
   * workflow method or a signal that beats it, records the marker.
   */
  private int outcomesVersion() {
    if (outcomesVersion == NO_VERSION_YET) {
      outcomesVersion = Workflow.getVersion(REVIEW_OUTCOMES, Workflow.DEFAULT_VERSION, 1);
    }
    return outcomesVersion;
  }

  /** {@link #DECIDED_ROWS}'s version, read once like {@link #outcomesVersion}. */
  private int decidedRowsVersion() {
    if (decidedRowsVersion == NO_VERSION_YET) {
      decidedRowsVersion = Workflow.getVersion(DECIDED_ROWS, Workflow.DEFAULT_VERSION, 1);
    }
    return decidedRowsVersion;
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
