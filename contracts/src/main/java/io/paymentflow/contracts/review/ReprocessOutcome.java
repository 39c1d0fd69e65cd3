package io.paymentflow.contracts.review;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What became of an operator's {@code reprocess} decision, as stored in {@code
 * payment_events_quarantine.reprocess_outcome} and {@code reprocess_note}.
 *
 * @param code {@link #STARTED}, {@link #ALREADY_PROCESSED} or {@link #PERSIST_REJECTED}
 * @param note the workflow id started or found, or the database's message
 */
public record ReprocessOutcome(
    @JsonProperty("code") String code, @JsonProperty("note") String note) {

  /** The corrected event's {@code PaymentEventWorkflow} was started. */
  public static final String STARTED = "started";

  /** Its workflow exists already (running or completed): the event is not run twice. */
  public static final String ALREADY_PROCESSED = "already_processed";

  /** Its workflow ran, but PostgreSQL refused the row for good; this outcome is never replaced. */
  public static final String PERSIST_REJECTED = "persist_rejected";
}
