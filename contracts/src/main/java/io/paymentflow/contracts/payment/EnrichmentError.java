package io.paymentflow.contracts.payment;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.paymentflow.contracts.event.StorableText;

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

  /** The longest type or message kept: enough to diagnose, never a page in a row or a history. */
  public static final int MAX_TEXT_LENGTH = 1000;

  /**
   * This error as text every column holds: its type and message come from the inference service or
   * its client and may carry anything the service echoed (a NUL would make PostgreSQL refuse the
   * whole row, and send a valid event to quarantine), so they are sanitized like any descriptive
   * text this system writes, and cut to {@value #MAX_TEXT_LENGTH} characters.
   */
  public EnrichmentError storable() {
    return new EnrichmentError(enrichment, clean(errorType), clean(message));
  }

  private static String clean(String text) {
    if (text == null) {
      return null;
    }
    String sanitized = StorableText.sanitized(text);
    return StorableText.length(sanitized) <= MAX_TEXT_LENGTH
        ? sanitized
        : sanitized.substring(0, sanitized.offsetByCodePoints(0, MAX_TEXT_LENGTH)) + "...";
  }
}
