package io.paymentflow.contracts.inference;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.paymentflow.contracts.event.PaymentEvent;

/**
 * {@code POST /retry/strategy} request body (CONTRACTS section 6), and the input of the activity
 * that sends it ({@link FraudScoreRequest} says why not the event).
 *
 * @param attemptCount {@code metadata.retry_attempt_count}, at least 1 as the service requires
 */
public record RetryStrategyRequest(
    @JsonProperty("event_id") String eventId,
    @JsonProperty("failure_code") String failureCode,
    @JsonProperty("failure_message") String failureMessage,
    @JsonProperty("amount_cents") Long amountCents,
    @JsonProperty("attempt_count") int attemptCount) {

  public static RetryStrategyRequest of(PaymentEvent event) {
    return new RetryStrategyRequest(
        event.eventId(),
        event.failureCode(),
        event.failureMessage(),
        event.amountCents(),
        event.retryAttemptCount());
  }
}
