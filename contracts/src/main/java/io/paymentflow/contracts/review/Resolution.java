package io.paymentflow.contracts.review;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An operator's decision on a quarantined record, as stored in {@code resolution}. */
public enum Resolution {
  /** Start a {@code PaymentEventWorkflow} for the corrected event. */
  @JsonProperty("reprocess")
  REPROCESS,
  /** Keep the row, process nothing. */
  @JsonProperty("discard")
  DISCARD,
  /** Fixed outside this system; process nothing. */
  @JsonProperty("manual_fix")
  MANUAL_FIX,
  /** Nobody decided within the review window. */
  @JsonProperty("expired")
  EXPIRED;

  /** The value stored in {@code payment_events_quarantine.resolution}. */
  public String columnValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
