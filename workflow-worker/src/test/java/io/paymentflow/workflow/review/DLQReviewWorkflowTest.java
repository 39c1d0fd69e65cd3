package io.paymentflow.workflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.contracts.review.DLQReviewWorkflow;
import io.paymentflow.contracts.review.DecisionReceipt;
import io.paymentflow.contracts.review.Resolution;
import io.paymentflow.contracts.review.ReviewDecision;
import io.paymentflow.contracts.review.ReviewOutcome;
import io.paymentflow.workflow.support.Events;
import io.paymentflow.workflow.support.FakePersistence.Review;
import io.paymentflow.workflow.support.TemporalFixture;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** CONTRACTS section 2.3 on a real test server (time skipping makes the window instant). */
class DLQReviewWorkflowTest {

  @RegisterExtension static final TemporalFixture temporal = new TemporalFixture();

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

  @ParameterizedTest
  @EnumSource(
      value = Resolution.class,
      names = {"DISCARD", "MANUAL_FIX"})
  void discardAndManualFixAreRecordedAndProcessNothing(Resolution resolution) {
    ReviewDecision decision = new ReviewDecision(resolution, "bob", null);
    DLQReviewWorkflow review = start();

    review.decide(decision);

    assertThat(outcome(review)).isEqualTo(new ReviewOutcome(resolution, "bob", null, null));
    assertThat(temporal.persistence.reviews()).containsExactly(new Review(readAt, decision));
    assertThat(temporal.persistence.events()).isEmpty();
  }

  @Test
  void withoutADecisionTheReviewExpiresAfterTheConfiguredWindow() {
    DLQReviewWorkflow review = start();

    ReviewOutcome outcome = outcome(review);

    assertThat(outcome).isEqualTo(new ReviewOutcome(Resolution.EXPIRED, "system", null, null));
    assertThat(temporal.persistence.reviews())
        .containsExactly(
            new Review(readAt, new ReviewDecision(Resolution.EXPIRED, "system", null)));
    List<HistoryEvent> timers =
        temporal.client.fetchHistory(workflowId).getEvents().stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED)
            .toList();
    assertThat(timers).hasSize(1);
    assertThat(timers.get(0).getTimerStartedEventAttributes().getStartToFireTimeout().getSeconds())
        .isEqualTo(TemporalFixture.REVIEW_WINDOW.getSeconds());
  }

  @Test
  void invalidDecisionsAreIgnoredAndTheReviewKeepsWaiting() {
    DLQReviewWorkflow review = start();
    await().until(review::status, DLQReviewWorkflowImpl.AWAITING_REVIEW::equals);

    review.decide(new ReviewDecision(Resolution.REPROCESS, "alice", null));
    review.decide(new ReviewDecision(Resolution.EXPIRED, "alice", null));
    review.decide(new ReviewDecision(Resolution.DISCARD, " ", null));
    review.decide(new ReviewDecision(null, "alice", null));
    review.decide(new ReviewDecision(Resolution.REPROCESS, "alice", Events.payment(" ").build()));

    temporal.env.sleep(Duration.ofHours(1));
    assertThat(review.status()).isEqualTo(DLQReviewWorkflowImpl.AWAITING_REVIEW);
    review.decide(new ReviewDecision(Resolution.DISCARD, "alice", null));
    assertThat(outcome(review).resolution()).isEqualTo(Resolution.DISCARD);
    assertThat(temporal.persistence.reviews()).hasSize(1);
  }

  @Test
  void aSecondDecisionIsAnsweredNotDropped() {
    DLQReviewWorkflow review = start();

    review.decide(new ReviewDecision(Resolution.DISCARD, "alice", null));
    review.decide(new ReviewDecision(Resolution.MANUAL_FIX, "bob", null));

    outcome(review);
    assertThat(review.decisions())
        .containsExactly(
            new DecisionReceipt(Resolution.DISCARD, "alice", true, null),
            new DecisionReceipt(
                Resolution.MANUAL_FIX, "bob", false, "already decided: discard by alice"));
  }

  @Test
  void aReviewerNamePostgresCannotStoreIsRefused() {
    DLQReviewWorkflow review = start();
    await().until(review::status, DLQReviewWorkflowImpl.AWAITING_REVIEW::equals);

    review.decide(new ReviewDecision(Resolution.DISCARD, "ali\u0000ce", null));
    review.decide(new ReviewDecision(Resolution.DISCARD, "alice", null));

    assertThat(outcome(review).reviewer()).isEqualTo("alice");
    assertThat(review.decisions())
        .extracting(DecisionReceipt::accepted)
        .containsExactly(false, true);
  }

  @Test
  void firstDecisionWins() {
    DLQReviewWorkflow review = start();

    review.decide(new ReviewDecision(Resolution.DISCARD, "alice", null));
    review.decide(new ReviewDecision(Resolution.MANUAL_FIX, "bob", null));

    assertThat(outcome(review))
        .isEqualTo(new ReviewOutcome(Resolution.DISCARD, "alice", null, null));
    assertThat(temporal.persistence.reviews())
        .containsExactly(new Review(readAt, new ReviewDecision(Resolution.DISCARD, "alice", null)));
    assertThat(review.status()).isEqualTo(DLQReviewWorkflowImpl.COMPLETED);
  }
}
