package io.paymentflow.persistence;

import io.paymentflow.contracts.event.FieldError;
import io.paymentflow.contracts.event.StorableEvent;
import io.paymentflow.contracts.event.StorableText;
import io.paymentflow.contracts.persistence.EnrichedPaymentEvent;
import io.temporal.failure.ApplicationFailure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Values that the {@code payment_events} columns can never hold, caught before the database so the
 * failure names the field. Each is permanent: the same value arrives on every retry. The event's
 * rules are {@link StorableEvent}'s, the bridge's own, so the two cannot disagree.
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

  /** Every {@link StorableEvent} rule, and text the inference service sent for the row. */
  static void storable(EnrichedPaymentEvent enriched) {
    List<FieldError> problems = new ArrayList<>(StorableEvent.problems(enriched.event()));
    if (enriched.fraudScore() != null) {
      StorableText.check(problems, "risk_level", enriched.fraudScore().riskLevel());
      StorableText.check(problems, "fraud_model_version", enriched.fraudScore().modelVersion());
    }
    if (enriched.churnPrediction() != null) {
      StorableText.check(problems, "churn_risk_level", enriched.churnPrediction().riskLevel());
      StorableText.check(
          problems, "churn_model_version", enriched.churnPrediction().modelVersion());
    }
    require(
        problems.isEmpty(),
        "the row cannot be stored: "
            + problems.stream().map(FieldError::message).collect(Collectors.joining("; ")));
  }

  static BigDecimal score(String column, BigDecimal score) {
    require(
        score == null
            || score.setScale(4, RoundingMode.HALF_UP).abs().compareTo(NUMERIC_5_4_LIMIT) < 0,
        column + " " + score + " does not fit numeric(5,4)");
    return score;
  }
}
