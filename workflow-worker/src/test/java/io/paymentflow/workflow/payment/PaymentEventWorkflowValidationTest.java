package io.paymentflow.workflow.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.payment.PaymentEventResult;
import io.paymentflow.contracts.payment.RuleViolation;
import io.paymentflow.contracts.persistence.EnrichedPaymentEvent;
import io.paymentflow.workflow.support.Events;
import io.paymentflow.workflow.support.TemporalFixture;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Business-rule outcomes and bad input on a real test server; the rules themselves are unit-tested.
 */
class PaymentEventWorkflowValidationTest {

  @RegisterExtension static final TemporalFixture temporal = new TemporalFixture();

  private static PaymentEventResult process(PaymentEvent event) {
    return temporal.newPayment(event.eventId()).process(event, Events.SOURCE);
  }

  private static EnrichedPaymentEvent persisted(PaymentEvent event) {
    return temporal.persistence.event(event.eventId()).orElseThrow();
  }

  private static Events event() {
    return Events.payment("stripe:evt_validation");
  }

  @Test
  void failedValidationIsStillEnrichedAndPersisted() {
    PaymentEvent event = event().amountCents(-5L).currency("XXX").build();

    PaymentEventResult result = process(event);

    assertThat(result.validationStatus()).isEqualTo("failed");
    assertThat(result.validationErrors())
        .extracting(RuleViolation::code)
        .containsExactly("AMOUNT_NOT_POSITIVE", "CURRENCY_NOT_ALLOWED");
    assertThat(result.fraudScore()).isNotNull();
    EnrichedPaymentEvent row = persisted(event);
    assertThat(row.validation().status()).isEqualTo("failed");
    assertThat(row.validation().errors()).isEqualTo(result.validationErrors());
    assertThat(row.fraudScore()).isNotNull();
  }

  @Test
  void missingEventFailsTheWorkflowInsteadOfRetryingItsTask() {
    assertThatThrownBy(() -> temporal.newPayment("stripe:evt_missing").process(null, Events.SOURCE))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo("MissingInput"));
  }
}
