package io.paymentflow.contracts.payment;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why an enrichment is missing from a persisted event: the call still failed after its retries.
 *
 * @param enrichment {@code fraud_score}, {@code retry_strategy} or {@code churn_prediction}
 * @param errorType the failure's type, e.g. the HTTP failure class the inference worker reported
 */
public record EnrichmentError(
    @JsonProperty("enrichment") String enrichment,
    @JsonProperty("error_type") String errorType,
    @JsonProperty("message") String message) {

  public static final String FRAUD_SCORE = "fraud_score";
  public static final String RETRY_STRATEGY = "retry_strategy";
  public static final String CHURN_PREDICTION = "churn_prediction";
}
