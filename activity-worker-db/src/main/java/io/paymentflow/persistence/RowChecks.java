package io.paymentflow.persistence;

import io.paymentflow.contracts.event.PaymentEvent;
import io.temporal.failure.ApplicationFailure;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Values that the {@code payment_events} columns can never hold, caught before the database so the
 * failure names the field. Each is permanent: the same value arrives on every retry.
 */
final class RowChecks {

  /** numeric(5,4): four decimals, so magnitudes below 10 once rounded to them. */
  private static final BigDecimal NUMERIC_5_4_LIMIT = BigDecimal.TEN;

  private RowChecks() {}

  static void require(boolean condition, String problem) {
    if (!condition) {
      throw ApplicationFailure.newNonRetryableFailure(problem, PersistenceFailures.INVALID_ROW);
    }
  }

  static void eventId(String eventId) {
    require(eventId != null && !eventId.isBlank(), "event_id is missing or blank");
    // varchar(255) counts characters, not UTF-16 units: an emoji is one.
    require(
        eventId.codePointCount(0, eventId.length()) <= PaymentEvent.MAX_EVENT_ID_LENGTH,
        "event_id is longer than " + PaymentEvent.MAX_EVENT_ID_LENGTH + " characters");
  }

  /** char(3) would silently pad a shorter code and reject a longer one; both are wrong data. */
  static void currency(String currency) {
    require(
        currency == null || currency.length() == 3,
        "currency is not a 3-letter code: \"" + currency + "\"");
  }

  static BigDecimal score(String column, BigDecimal score) {
    require(
        score == null
            || score.setScale(4, RoundingMode.HALF_UP).abs().compareTo(NUMERIC_5_4_LIMIT) < 0,
        column + " " + score + " does not fit numeric(5,4)");
    return score;
  }
}
