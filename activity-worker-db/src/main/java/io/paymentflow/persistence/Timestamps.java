package io.paymentflow.persistence;

import io.temporal.failure.ApplicationFailure;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Event timestamps arrive as the normalizer wrote them: ISO-8601 with an offset, {@code Z} or
 * {@code +00:00}, with or without fractional seconds (CONTRACTS section 1.1).
 */
final class Timestamps {

  private Timestamps() {}

  /**
   * The instant {@code value} names, or null when there is none; an unparsable value is a permanent
   * failure, as it would fail identically on every retry.
   */
  static OffsetDateTime parse(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      // ISO_OFFSET_DATE_TIME takes Z and +hh:mm and up to nanoseconds; PostgreSQL keeps micros.
      return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      throw ApplicationFailure.newNonRetryableFailureWithCause(
          field + " is not an ISO-8601 timestamp with offset: \"" + value + "\"",
          PersistenceFailures.INVALID_ROW,
          e);
    }
  }

  /** Like {@link #parse}, but null for an unparsable value instead of failing. */
  static OffsetDateTime parseOrNull(String value) {
    try {
      return value == null ? null : OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
