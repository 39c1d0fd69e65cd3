package io.paymentflow.contracts.inference;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.paymentflow.contracts.event.PaymentEvent;

/**
 * {@code POST /fraud/score} request body (CONTRACTS section 6), and the input of the activity that
 * sends it: only the fields the call needs, so that a workflow never hands the whole event to an
 * activity that does not need it (one copy of a large event per workflow task, not four). A field
 * the event lacks is sent as JSON null, so the body always has the contract's shape.
 */
public record FraudScoreRequest(
    @JsonProperty("event_id") String eventId,
    @JsonProperty("amount_cents") Long amountCents,
    @JsonProperty("currency") String currency,
    @JsonProperty("customer_id") String customerId,
    @JsonProperty("merchant_id") String merchantId,
    @JsonProperty("payment_method_type") String paymentMethodType,
    @JsonProperty("card_brand") String cardBrand) {

  public static FraudScoreRequest of(PaymentEvent event) {
    return new FraudScoreRequest(
        event.eventId(),
        event.amountCents(),
        event.currency(),
        event.customerId(),
        event.merchantId(),
        event.paymentMethodType(),
        event.cardBrand());
  }
}
