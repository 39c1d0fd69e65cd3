package io.paymentflow.workflow.payment;

import static io.paymentflow.workflow.support.FakeInference.CHURN;
import static io.paymentflow.workflow.support.FakeInference.FRAUD;
import static io.paymentflow.workflow.support.FakeInference.RETRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.payment.PaymentEventResult;
import io.paymentflow.contracts.payment.WorkflowIds;
import io.paymentflow.contracts.persistence.EnrichedPaymentEvent;
import io.paymentflow.contracts.review.DLQReviewWorkflow;
import io.paymentflow.workflow.support.Events;
import io.paymentflow.workflow.support.FakeInference;
import io.paymentflow.workflow.support.TemporalFixture;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowFailedException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every enrichment branch of CONTRACTS section 2.2 on a real test server. */
class PaymentEventWorkflowTest {

  @RegisterExtension static final TemporalFixture temporal = new TemporalFixture();

  private static int sequence;

  private static Events event() {
    return Events.payment("stripe:evt_payment_" + ++sequence);
  }

  private static PaymentEventResult process(PaymentEvent event) {
    return temporal.newPayment(event.eventId()).process(event, Events.SOURCE);
  }

  private static EnrichedPaymentEvent persisted(PaymentEvent event) {
    return temporal.persistence.event(event.eventId()).orElseThrow();
  }

  @Test
  void successfulPaymentIsScoredForFraudAndChurnAndPersisted() {
    PaymentEvent event = event().build();

    PaymentEventResult result = process(event);

    assertThat(result)
        .isEqualTo(
            new PaymentEventResult(
                event.eventId(),
                "passed",
                List.of(),
                new BigDecimal("0.1234"),
                "low",
                null,
                new BigDecimal("0.4200"),
                "medium",
                List.of(),
                true,
                false));
    EnrichedPaymentEvent row = persisted(event);
    assertThat(row.event()).isEqualTo(event);
    assertThat(row.validation().status()).isEqualTo("passed");
    assertThat(row.fraudScore()).isEqualTo(FakeInference.fraudFor(event));
    assertThat(row.retryStrategy()).isNull();
    assertThat(row.churnPrediction()).isEqualTo(FakeInference.churnFor(event));
    assertThat(row.enrichmentErrors()).isEmpty();
    assertThat(temporal.inference.calls(RETRY)).isZero();
  }

  @Test
  void failedPaymentGetsARetryStrategyAndChurnButNoFraudScore() {
    PaymentEvent event = event().failed().build();

    PaymentEventResult result = process(event);

    assertThat(result.retryStrategy()).isEqualTo("retry_delayed");
    assertThat(result.fraudScore()).isNull();
    assertThat(result.churnScore()).isEqualByComparingTo("0.42");
    assertThat(persisted(event).retryStrategy()).isEqualTo(FakeInference.retryFor(event));
    assertThat(temporal.inference.calls(FRAUD)).isZero();
  }

  @Test
  void chargeFailedEventTypeGetsARetryStrategyWhateverItsStatus() {
    PaymentEvent event = event().eventType("subscription.charge_failed").status("pending").build();

    PaymentEventResult result = process(event);

    assertThat(result.retryStrategy()).isEqualTo("retry_delayed");
    assertThat(result.fraudScore()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"refund.created", "dispute.created"})
  void refundsAndDisputesAreNeitherScoredNorRetried(String eventType) {
    PaymentEvent succeeded = event().eventType(eventType).status("succeeded").build();
    PaymentEvent failed = event().eventType(eventType).status("failed").build();

    PaymentEventResult first = process(succeeded);
    PaymentEventResult second = process(failed);

    assertThat(first.fraudScore()).isNull();
    assertThat(second.retryStrategy()).isNull();
    assertThat(first.churnScore()).isNotNull();
    assertThat(temporal.inference.calls(FRAUD) + temporal.inference.calls(RETRY)).isZero();
    assertThat(temporal.persistence.events()).hasSize(2);
  }

  /**
   * Each call gets its request body, never the event: three copies of a large event in one workflow
   * task's commands could pass Temporal's 4 MiB limit, and the run would be terminated.
   */
  @Test
  void theEnrichmentsNeverCarryTheEvent() {
    PaymentEvent event =
        event().eventType("subscription.charge_failed").status("succeeded").build();

    PaymentEventResult result = process(event);

    assertThat(result.fraudScore()).isNotNull();
    assertThat(result.retryStrategy()).isNotNull();
    assertThat(result.churnScore()).isNotNull();
    assertThat(temporal.inference.eventInputs()).isZero();
    List<String> scheduled =
        temporal.client.fetchHistory(WorkflowIds.payment(event.eventId())).getEvents().stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
            .map(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName())
            .toList();
    assertThat(scheduled)
        .containsExactlyInAnyOrder(
            "ScoreFraud", "RecommendRetry", "PredictChurn", "PersistPaymentEvent");
  }

  @Test
  void guestPaymentHasNoChurnPrediction() {
    PaymentEvent event = event().customerId(null).build();

    PaymentEventResult result = process(event);

    assertThat(result.churnScore()).isNull();
    assertThat(result.churnRiskLevel()).isNull();
    assertThat(result.fraudScore()).isNotNull();
    assertThat(temporal.inference.calls(CHURN)).isZero();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "unsucceeded", "succeeded_partially", "not_failed"})
  void statusesOutsideTheSetsMatchNothingAndStillPersist(String status) {
    PaymentEvent event =
        event().eventType("payment.updated").status(status).customerId(null).build();

    PaymentEventResult result = process(event);

    assertThat(result.fraudScore()).isNull();
    assertThat(result.retryStrategy()).isNull();
    assertThat(result.churnScore()).isNull();
    assertThat(result.persisted()).isTrue();
    assertThat(temporal.persistence.event(event.eventId())).isPresent();
    assertThat(temporal.inference.calls(FRAUD) + temporal.inference.calls(RETRY)).isZero();
  }

  @Test
  void statusIsMatchedCaseInsensitively() {
    PaymentEventResult succeeded = process(event().status("SUCCEEDED").build());
    PaymentEventResult declined =
        process(event().eventType("payment.updated").status("Declined").build());

    assertThat(succeeded.fraudScore()).isNotNull();
    assertThat(declined.retryStrategy()).isEqualTo("retry_delayed");
  }

  @Test
  void aRowTheDatabaseRefusesForGoodIsKeptForReviewAndTheWorkflowCompletes() {
    temporal.persistence.rejectPersist();
    PaymentEvent event = event().build();

    PaymentEventResult result = process(event);

    assertThat(result.persisted()).isFalse();
    assertThat(result.quarantined()).isTrue();
    assertThat(temporal.persistence.persistAttempts()).as("not retried").isEqualTo(1);
    // The review writes the row first; its window may already be skipped through after that.
    await().until(() -> !temporal.persistence.quarantined().isEmpty());
    DLQReviewWorkflow review =
        temporal.client.newWorkflowStub(
            DLQReviewWorkflow.class, WorkflowIds.review(Events.SOURCE.readAt()));
    assertThat(review.status()).as("the review runs at the record's id").isNotNull();
    assertThat(temporal.persistence.quarantined())
        .singleElement()
        .satisfies(
            kept -> {
              assertThat(kept.failureReason()).isEqualTo("PERSIST_REJECTED");
              assertThat(kept.eventId()).isEqualTo(event.eventId());
              assertThat(kept.rejectedEvent()).isEqualTo(event);
              assertThat(kept.readAt()).isEqualTo(Events.SOURCE.readAt());
              assertThat(kept.validationErrors().get(0).message()).contains("SQLState 22021");
            });
  }

  @Test
  void aWorkflowStartedWithoutItsSourceFailsAsBeforeWhenTheRowIsRefused() {
    temporal.persistence.rejectPersist();
    PaymentEvent event = event().build();

    assertThatThrownBy(() -> temporal.newPayment(event.eventId()).process(event, null))
        .isInstanceOf(WorkflowFailedException.class);
    assertThat(temporal.persistence.quarantined()).isEmpty();
  }
}
