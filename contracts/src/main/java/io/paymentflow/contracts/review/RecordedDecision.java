package io.paymentflow.contracts.review;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The decision a quarantine row holds: what the database worker answers when a review writes its
 * row or its decision, so that a review never acts against a decision already taken on its row (by
 * an earlier run of the same review, or by a second review of the same record).
 */
public record RecordedDecision(
    @JsonProperty("resolution") Resolution resolution, @JsonProperty("reviewer") String reviewer) {

  /** Whether an operator decided; {@code expired} is no decision and gives way to one. */
  public boolean byOperator() {
    return resolution != null && resolution != Resolution.EXPIRED;
  }
}
