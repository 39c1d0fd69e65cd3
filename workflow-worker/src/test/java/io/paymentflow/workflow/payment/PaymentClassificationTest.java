package io.paymentflow.workflow.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.workflow.support.Events;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentClassificationTest {

  private static PaymentEvent event(String eventType, String status) {
    return Events.payment("stripe:evt_1").eventType(eventType).status(status).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"succeeded", "captured", "settled", "approved", "authorized"})
  void successfulStatusesAreScoredForFraud(String status) {
    PaymentEvent event = event("payment.succeeded", status);

    assertThat(PaymentClassification.needsFraudScore(event)).isTrue();
    assertThat(PaymentClassification.needsRetryStrategy(event)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"failed", "declined", "requires_payment_method", "settlement_declined"})
  void failedStatusesGetARetryStrategy(String status) {
    PaymentEvent event = event("payment.updated", status);

    assertThat(PaymentClassification.needsRetryStrategy(event)).isTrue();
    assertThat(PaymentClassification.needsFraudScore(event)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"payment.failed", "subscription.charge_failed", "INVOICE.CHARGE_FAILED"})
  void failedEventTypesGetARetryStrategyWhateverTheStatus(String eventType) {
    assertThat(PaymentClassification.needsRetryStrategy(event(eventType, "pending"))).isTrue();
    assertThat(PaymentClassification.needsRetryStrategy(event(eventType, null))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"SUCCEEDED", "Succeeded", "CapTured"})
  void statusIsMatchedCaseInsensitively(String status) {
    assertThat(PaymentClassification.needsFraudScore(event("charge.captured", status))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "unsucceeded",
        "succeeded_partially",
        "not_failed",
        "failed_once",
        " succeeded",
        "declined ",
        "pending"
      })
  void statusIsNeverMatchedBySubstring(String status) {
    PaymentEvent event = event("payment.updated", status);

    assertThat(PaymentClassification.needsFraudScore(event)).isFalse();
    assertThat(PaymentClassification.needsRetryStrategy(event)).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void nullOrBlankStatusMatchesNothing(String status) {
    PaymentEvent event = event("payment.updated", status);

    assertThat(PaymentClassification.needsFraudScore(event)).isFalse();
    assertThat(PaymentClassification.needsRetryStrategy(event)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"refund.created", "refund.failed", "dispute.created", "Dispute.Funds_Withdrawn"})
  void refundsAndDisputesAreNeitherScoredNorRetried(String eventType) {
    assertThat(PaymentClassification.needsFraudScore(event(eventType, "succeeded"))).isFalse();
    assertThat(PaymentClassification.needsRetryStrategy(event(eventType, "failed"))).isFalse();
  }

  @Test
  void eventTypesThatOnlyContainRefundAreNotRefunds() {
    assertThat(PaymentClassification.needsFraudScore(event("payment.refund.created", "succeeded")))
        .isTrue();
  }

  @Test
  void nullEventTypeIsNeitherARefundNorAFailure() {
    assertThat(PaymentClassification.needsFraudScore(event(null, "succeeded"))).isTrue();
    assertThat(PaymentClassification.needsRetryStrategy(event(null, "succeeded"))).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void onlyEventsWithACustomerGetAChurnPrediction(String customerId) {
    assertThat(
            PaymentClassification.needsChurnPrediction(
                Events.payment("stripe:evt_1").customerId(customerId).build()))
        .isFalse();
    assertThat(PaymentClassification.needsChurnPrediction(event("refund.created", null))).isTrue();
  }
}
