package io.paymentflow.contracts.inference;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.paymentflow.contracts.event.PaymentEvent;

/**
 * {@code POST /churn/predict} request body (CONTRACTS section 6), and the input of the activity
 * that sends it ({@link FraudScoreRequest} says why not the event). Only the ids: the contract's
 * optional payment-history counts are not known to this system (it sees one event at a time), so
 * they are left out rather than invented.
 */
public record ChurnPredictionRequest(
    @JsonProperty("customer_id") String customerId,
    @JsonProperty("merchant_id") String merchantId) {

  public static ChurnPredictionRequest of(PaymentEvent event) {
    return new ChurnPredictionRequest(event.customerId(), event.merchantId());
  }
}
