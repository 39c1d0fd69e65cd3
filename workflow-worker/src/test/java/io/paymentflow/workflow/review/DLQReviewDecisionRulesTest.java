package io.paymentflow.workflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.contracts.review.DLQReviewWorkflow;
import io.paymentflow.contracts.review.DecisionReceipt;
import io.paymentflow.contracts.review.RecordedDecision;
import io.paymentflow.contracts.review.ReprocessOutcome;
import io.paymentflow.contracts.review.Resolution;
import io.paymentflow.contracts.review.ReviewDecision;
import io.paymentflow.contracts.review.ReviewOutcome;
import io.paymentflow.workflow.support.Events;
import io.paymentflow.workflow.support.TemporalFixture;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who may decide what (CONTRACTS section 2.3): a decision applies to the reviewed record's own
 * event only, a row an operator decided is never decided again, and the sender of an Update is told
 * the outcome, or why it was refused, instead of reading receipts.
 */
class DLQReviewDecisionRulesTest {

  @RegisterExtension static final TemporalFixture temporal = TemporalFixture.withoutTimeSkipping();

  private static int sequence;

  private KafkaCoordinates readAt;
  private PaymentEvent refused;
  private String workflowId;

  /** A payment whose row PostgreSQL refused: its review knows its event id. */
  @BeforeEach
  void newRefusedEvent() {
    readAt = new KafkaCoordinates("payments.normalized", 1, 1000 + ++sequence);
    refused = Events.payment("stripe:evt_refused_" + sequence).build();
    workflowId = WorkflowIds.review(readAt);
  }

  private DLQReviewWorkflow start(QuarantinedRecord record) {
    WorkflowClient.start(temporal.newReview(workflowId)::review, record);
    DLQReviewWorkflow review = temporal.client.newWorkflowStub(DLQReviewWorkflow.class, workflowId);
    await().until(review::status, DLQReviewWorkflowImpl.AWAITING_REVIEW::equals);
    return review;
  }

  private QuarantinedRecord persistRejected() {
    return QuarantinedRecord.persistRejected(
        refused, readAt, "SQLState 22021", "2026-01-01T00:00:00Z");
  }

  @Test
  void anUpdateReturnsWhatBecameOfTheDecision() {
    DLQReviewWorkflow review = start(persistRejected());
    PaymentEvent corrected = Events.payment(refused.eventId()).amountCents(1299L).build();

    ReviewOutcome outcome =
        review.submitDecision(new ReviewDecision(Resolution.REPROCESS, "alice", corrected));

    String paymentId = WorkflowIds.payment(refused.eventId());
    assertThat(outcome)
        .isEqualTo(
            new ReviewOutcome(
                Resolution.REPROCESS,
                "alice",
                paymentId,
                new ReprocessOutcome(ReprocessOutcome.STARTED, paymentId)));
    assertThat(review.decisions())
        .containsExactly(new DecisionReceipt(Resolution.REPROCESS, "alice", true, null));
  }

  /** The review's S1: a decision could otherwise rewrite the row of any event at all. */
  @Test
  void aCorrectedEventOfAnotherEventIsRefusedAndTheSenderToldWhy() {
    DLQReviewWorkflow review = start(persistRejected());
    PaymentEvent victim = Events.payment("stripe:evt_victim").amountCents(1L).build();

    WorkflowUpdateException refusedUpdate =
        catchThrowableOfType(
            WorkflowUpdateException.class,
            () ->
                review.submitDecision(new ReviewDecision(Resolution.REPROCESS, "mallory", victim)));
    review.decide(new ReviewDecision(Resolution.REPROCESS, "mallory", victim));
    review.decide(new ReviewDecision(Resolution.DISCARD, "alice", null));

    assertThat(refusedUpdate).as("the update is refused").isNotNull();
    assertThat(messages(refusedUpdate)).contains("is not the reviewed record's");
    assertThat(WorkflowStub.fromTyped(review).getResult(ReviewOutcome.class).resolution())
        .isEqualTo(Resolution.DISCARD);
    assertThat(review.decisions())
        .extracting(DecisionReceipt::accepted)
        .containsExactly(false, true);
    assertThat(temporal.persistence.event("stripe:evt_victim")).isEmpty();
  }

  @Test
  void aRecordWithoutAnEventIdTakesTheOneTheOperatorGivesIt() {
    DLQReviewWorkflow review = start(QuarantineRecords.unparseable(readAt));
    PaymentEvent named = Events.payment("stripe:evt_named_" + sequence).build();

    ReviewOutcome outcome =
        review.submitDecision(new ReviewDecision(Resolution.REPROCESS, "alice", named));

    assertThat(outcome.reprocess().code()).isEqualTo(ReprocessOutcome.STARTED);
  }

  @Test
  void anInvalidUpdateIsRefusedBeforeItReachesTheHistory() {
    DLQReviewWorkflow review = start(persistRejected());

    WorkflowUpdateException noReviewer =
        catchThrowableOfType(
            WorkflowUpdateException.class,
            () -> review.submitDecision(new ReviewDecision(Resolution.DISCARD, " ", null)));

    assertThat(messages(noReviewer)).contains("no reviewer");
    assertThat(review.decisions()).isEmpty();
    assertThat(review.status()).isEqualTo(DLQReviewWorkflowImpl.AWAITING_REVIEW);
  }

  /** A review that runs again (failed, re-driven; or the record came again) keeps the decision. */
  @Test
  void aRowAnOperatorDecidedBeforeEndsItsNewReviewAtOnce() {
    RecordedDecision earlier = new RecordedDecision(Resolution.DISCARD, "alice");
    temporal.persistence.decided(readAt, earlier);

    WorkflowClient.start(temporal.newReview(workflowId)::review, persistRejected());
    ReviewOutcome outcome =
        WorkflowStub.fromTyped(temporal.client.newWorkflowStub(DLQReviewWorkflow.class, workflowId))
            .getResult(ReviewOutcome.class);

    assertThat(outcome).isEqualTo(new ReviewOutcome(Resolution.DISCARD, "alice", null, null));
    assertThat(temporal.persistence.reviews()).isEmpty();
  }

  /** Two reviews of one row: the first decision stands, the second acts on nothing. */
  @Test
  void aDecisionTheRowDidNotTakeStartsNoReprocess() {
    DLQReviewWorkflow review = start(persistRejected());
    temporal.persistence.decided(readAt, new RecordedDecision(Resolution.DISCARD, "alice"));
    PaymentEvent corrected = Events.payment(refused.eventId()).amountCents(1299L).build();

    ReviewOutcome outcome =
        review.submitDecision(new ReviewDecision(Resolution.REPROCESS, "bob", corrected));

    assertThat(outcome).isEqualTo(new ReviewOutcome(Resolution.DISCARD, "alice", null, null));
    assertThat(temporal.persistence.outcomes()).isEmpty();
    assertThat(temporal.persistence.event(refused.eventId())).isEmpty();
  }

  private static String messages(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append(" | ");
    }
    return all.toString();
  }
}
