package io.paymentflow.inference;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.paymentflow.contracts.event.PaymentEvent;

/**
 * Request bodies exactly as CONTRACTS section 6 lists them; a field the event lacks is sent as JSON
 * null rather than left out, so the body always has the contract's shape.
 */
final class InferenceRequests {

  private InferenceRequests() {}

  record Fraud(
      @JsonProperty("event_id") String eventId,
      @JsonProperty("amount_cents") Long amountCents,
      @JsonProperty("currency") String currency,
      @JsonProperty("customer_id") String customerId,
      @JsonProperty("merchant_id") String merchantId,
      @JsonProperty("payment_method_type") String paymentMethodType,
      @JsonProperty("card_brand") String cardBrand) {

    static Fraud of(PaymentEvent event) {
      return new Fraud(
          event.eventId(),
          event.amountCents(),
          event.currency(),
          event.customerId(),
          event.merchantId(),
          event.paymentMethodType(),
          event.cardBrand());
    }
  }

  record Retry(
      @JsonProperty("event_id") String eventId,
      @JsonProperty("failure_code") String failureCode,
      @JsonProperty("failure_message") String failureMessage,
      @JsonProperty("amount_cents") Long amountCents,
      @JsonProperty("attempt_count") int attemptCount) {

    static Retry of(PaymentEvent event) {
      return new Retry(
          event.eventId(),
          event.failureCode(),
          event.failureMessage(),
          event.amountCents(),
          event.retryAttemptCount());
    }
  }

  /**
   * Only the ids: the contract's optional payment-history counts are not known to this system (it
   * sees one event at a time), so they are left out rather than invented.
   */
  record Churn(
      @JsonProperty("customer_id") String customerId,
      @JsonProperty("merchant_id") String merchantId) {

    static Churn of(PaymentEvent event) {
      return new Churn(event.customerId(), event.merchantId());
    }
  }
}
