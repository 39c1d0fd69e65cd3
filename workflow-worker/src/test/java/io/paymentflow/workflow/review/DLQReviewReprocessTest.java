package io.paymentflow.workflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.PaymentSource;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.payment.PaymentEventResult;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.contracts.review.DLQReviewWorkflow;
import io.paymentflow.contracts.review.DecisionReceipt;
import io.paymentflow.contracts.review.ReprocessOutcome;
import io.paymentflow.contracts.review.Resolution;
import io.paymentflow.contracts.review.ReviewDecision;
import io.paymentflow.contracts.review.ReviewOutcome;
import io.paymentflow.workflow.support.Events;
import io.paymentflow.workflow.support.FakePersistence.Outcome;
import io.paymentflow.workflow.support.FakePersistence.Review;
import io.paymentflow.workflow.support.TemporalFixture;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reprocess decision starts the corrected event's workflow. Kept apart from the other review
 * tests on its own test server: once an abandoned child completes after its parent has closed, the
 * test server never releases the time-skipping lock it took to notify the parent, so no later test
 * on that server could skip to an expiry.
 */
class DLQReviewReprocessTest {

  @RegisterExtension static final TemporalFixture temporal = TemporalFixture.withoutTimeSkipping();

  private static int sequence;

  private KafkaCoordinates readAt;
  private QuarantinedRecord record;
  private String workflowId;

  @BeforeEach
  void newRecord() {
    readAt = new KafkaCoordinates("payments.validation.dlq", 0, ++sequence);
    record = QuarantineRecords.unparseable(readAt);
    workflowId = WorkflowIds.review(readAt);
  }

  private DLQReviewWorkflow start() {
    WorkflowClient.start(temporal.newReview(workflowId)::review, record);
    return temporal.client.newWorkflowStub(DLQReviewWorkflow.class, workflowId);
  }

  private ReviewOutcome outcome(DLQReviewWorkflow review) {
    return WorkflowStub.fromTyped(review).getResult(ReviewOutcome.class);
  }

  @Test
  void reprocessStartsTheCorrectedEventsWorkflowAndRecordsTheDecision() {
    PaymentEvent corrected = Events.payment("stripe:evt_corrected_" + sequence).build();
    ReviewDecision decision = new ReviewDecision(Resolution.REPROCESS, "alice", corrected);
    DLQReviewWorkflow review = start();

    review.decide(decision);

    String paymentWorkflowId = WorkflowIds.payment(corrected.eventId());
    assertThat(outcome(review))
        .isEqualTo(
            new ReviewOutcome(
                Resolution.REPROCESS,
                "alice",
                paymentWorkflowId,
                new ReprocessOutcome(ReprocessOutcome.STARTED, paymentWorkflowId)));
    assertThat(temporal.persistence.quarantined()).containsExactly(record);
    assertThat(temporal.persistence.reviews()).containsExactly(new Review(readAt, decision));
    PaymentEventResult reprocessed =
        temporal
            .client
            .newUntypedWorkflowStub(paymentWorkflowId)
            .getResult(PaymentEventResult.class);
    assertThat(reprocessed.persisted()).isTrue();
    assertThat(temporal.persistence.event(corrected.eventId()).orElseThrow().event())
        .isEqualTo(corrected);
  }

  @Test
  void reprocessOfAnEventAlreadyProcessedDoesNotRunItTwice() {
    PaymentEvent corrected = Events.payment("stripe:evt_done_" + sequence).build();
    temporal.newPayment(corrected.eventId()).process(corrected, Events.SOURCE);
    DLQReviewWorkflow review = start();

    review.decide(new ReviewDecision(Resolution.REPROCESS, "alice", corrected));

    String paymentWorkflowId = WorkflowIds.payment(corrected.eventId());
    ReprocessOutcome already =
        new ReprocessOutcome(ReprocessOutcome.ALREADY_PROCESSED, paymentWorkflowId);
    assertThat(outcome(review).reprocess()).isEqualTo(already);
    assertThat(temporal.persistence.outcomes()).containsExactly(new Outcome(readAt, already));
    // This event's rows only: an earlier test's reprocess may still be writing its own.
    assertThat(temporal.persistence.events())
        .filteredOn(row -> row.event().eventId().equals(corrected.eventId()))
        .hasSize(1);
  }

  @Test
  void theReprocessTellsItsWorkflowWhichRowItCameFrom() {
    PaymentEvent corrected = Events.payment("stripe:evt_refused_" + sequence).build();
    temporal.persistence.rejectPersist();
    DLQReviewWorkflow review = start();

    review.decide(new ReviewDecision(Resolution.REPROCESS, "alice", corrected));

    assertThat(outcome(review).reprocess().code()).isEqualTo(ReprocessOutcome.STARTED);
    PaymentEventResult reprocessed =
        temporal
            .client
            .newUntypedWorkflowStub(WorkflowIds.payment(corrected.eventId()))
            .getResult(PaymentEventResult.class);
    assertThat(reprocessed.quarantined()).isTrue();
    assertThat(temporal.persistence.outcomes())
        .extracting(o -> o.readAt() + " " + o.outcome().code())
        .containsExactlyInAnyOrder(readAt + " started", readAt + " persist_rejected");
  }

  @Test
  void aCorrectedEventTheDatabaseCouldNotStoreIsRefusedAndTheReviewKeepsWaiting() {
    PaymentEvent unstorable = Events.payment("stripe:evt_bad_" + sequence).currency("USDX").build();
    PaymentEvent fixed = Events.payment("stripe:evt_bad_" + sequence).build();
    DLQReviewWorkflow review = start();
    await().until(review::status, DLQReviewWorkflowImpl.AWAITING_REVIEW::equals);

    review.decide(new ReviewDecision(Resolution.REPROCESS, "alice", unstorable));
    await().until(() -> review.decisions().size() == 1);

    assertThat(review.status()).isEqualTo(DLQReviewWorkflowImpl.AWAITING_REVIEW);
    DecisionReceipt refused = review.decisions().get(0);
    assertThat(refused.accepted()).isFalse();
    assertThat(refused.reason()).contains("currency INVALID_LENGTH");
    review.decide(new ReviewDecision(Resolution.REPROCESS, "alice", fixed));
    assertThat(outcome(review).reprocess().code()).isEqualTo(ReprocessOutcome.STARTED);
    assertThat(review.decisions())
        .extracting(DecisionReceipt::accepted)
        .containsExactly(false, true);
  }

  @Test
  void theCorrectionOfAnEventWhoseRowWasRefusedRunsThoughItsWorkflowCompleted() {
    PaymentEvent refused = Events.payment("stripe:evt_refused_row_" + sequence).build();
    PaymentEvent corrected =
        Events.payment("stripe:evt_refused_row_" + sequence).merchantId("merch_fixed").build();
    PaymentSource source = PaymentSource.kafka(readAt);
    temporal.persistence.rejectPersist();
    assertThat(temporal.newPayment(refused.eventId()).process(refused, source).quarantined())
        .isTrue();
    temporal.persistence.reset();
    DLQReviewWorkflow review = temporal.client.newWorkflowStub(DLQReviewWorkflow.class, workflowId);

    review.decide(new ReviewDecision(Resolution.REPROCESS, "alice", corrected));

    assertThat(outcome(review).reprocess().code()).isEqualTo(ReprocessOutcome.STARTED);
    await().until(() -> temporal.persistence.event(corrected.eventId()).isPresent());
    assertThat(temporal.persistence.event(corrected.eventId()).orElseThrow().event())
        .isEqualTo(corrected);
  }
}
