package io.paymentflow.contracts.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.inference.ChurnPrediction;
import io.paymentflow.contracts.inference.FraudScore;
import io.paymentflow.contracts.inference.RetryStrategy;
import io.paymentflow.contracts.payment.EnrichmentError;
import io.paymentflow.contracts.payment.ValidationResult;
import java.util.List;

/**
 * One {@code payment_events} row: the event, its validation, and whichever enrichments succeeded. A
 * null enrichment is either not applicable or listed in {@code enrichmentErrors}.
 */
public record EnrichedPaymentEvent(
    @JsonProperty("event") PaymentEvent event,
    @JsonProperty("validation") ValidationResult validation,
    @JsonProperty("fraud_score") FraudScore fraudScore,
    @JsonProperty("retry_strategy") RetryStrategy retryStrategy,
    @JsonProperty("churn_prediction") ChurnPrediction churnPrediction,
    @JsonProperty("enrichment_errors") List<EnrichmentError> enrichmentErrors) {

  public EnrichedPaymentEvent {
    enrichmentErrors = enrichmentErrors == null ? List.of() : List.copyOf(enrichmentErrors);
  }
}
