package io.paymentflow.inference;

import io.paymentflow.contracts.event.StorableText;
import io.paymentflow.contracts.inference.ChurnPrediction;
import io.paymentflow.contracts.inference.FraudScore;
import io.paymentflow.contracts.inference.RetryStrategy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks that an answer is one the workflow can use and the database can store: a wrong answer is
 * stopped here as a non-retryable failure, not written into {@code payment_events}.
 */
final class ResponseChecks {

  private static final Set<String> FRAUD_LEVELS = Set.of("low", "medium", "high");
  private static final Set<String> CHURN_LEVELS = Set.of("low", "medium", "high", "critical");
  private static final Set<String> ACTIONS =
      Set.of("retry_now", "retry_delayed", "do_not_retry", "contact_customer");

  private ResponseChecks() {}

  static void fraudScore(String endpoint, String eventId, FraudScore answer) {
    require(endpoint, answer != null, "empty body");
    require(
        endpoint,
        Objects.equals(answer.eventId(), eventId),
        "event_id " + answer.eventId() + " is not the one asked about");
    unitInterval(endpoint, "fraud_score", answer.fraudScore());
    oneOf(endpoint, "risk_level", answer.riskLevel(), FRAUD_LEVELS);
    storable(endpoint, "risk_factors", answer.riskFactors());
    storable(endpoint, "model_version", answer.modelVersion());
  }

  /**
   * The whole answer is stored in the {@code retry_strategy} jsonb column and its delay in the int
   * column {@code retry_delay_seconds}: Jackson already refuses a delay beyond int, this refuses
   * what the columns could hold but the workflow could not act on.
   */
  static void retryStrategy(String endpoint, String eventId, RetryStrategy answer) {
    require(endpoint, answer != null, "empty body");
    require(
        endpoint,
        Objects.equals(answer.eventId(), eventId),
        "event_id " + answer.eventId() + " is not the one asked about");
    oneOf(endpoint, "action", answer.action(), ACTIONS);
    require(
        endpoint,
        answer.delaySeconds() == null || answer.delaySeconds() >= 0,
        "delay_seconds " + answer.delaySeconds() + " is negative");
    require(
        endpoint,
        !answer.action().equals("retry_delayed") || answer.delaySeconds() != null,
        "retry_delayed without delay_seconds");
    require(
        endpoint,
        answer.maxAttempts() == null || answer.maxAttempts() >= 0,
        "max_attempts " + answer.maxAttempts() + " is negative");
    if (answer.confidence() != null) {
      unitInterval(endpoint, "confidence", answer.confidence());
    }
    storable(endpoint, "reason", answer.reason());
  }

  static void churnPrediction(String endpoint, String customerId, ChurnPrediction answer) {
    require(endpoint, answer != null, "empty body");
    require(
        endpoint,
        Objects.equals(answer.customerId(), customerId),
        "customer_id " + answer.customerId() + " is not the one asked about");
    unitInterval(endpoint, "churn_probability", answer.churnProbability());
    oneOf(endpoint, "risk_level", answer.riskLevel(), CHURN_LEVELS);
    require(
        endpoint,
        answer.daysToChurnEstimate() == null || answer.daysToChurnEstimate() >= 0,
        "days_to_churn_estimate " + answer.daysToChurnEstimate() + " is negative");
    storable(endpoint, "risk_factors", answer.riskFactors());
    storable(endpoint, "recommended_actions", answer.recommendedActions());
    storable(endpoint, "model_version", answer.modelVersion());
    storable(endpoint, "predicted_at", answer.predictedAt());
  }

  /**
   * Text stored in a row (a text column, or a string in a jsonb one) must be {@link StorableText}:
   * otherwise the whole row would be refused.
   */
  private static void storable(String endpoint, String field, String value) {
    String code = StorableText.problem(value);
    require(endpoint, code == null, field + " is not storable: " + code);
  }

  private static void storable(String endpoint, String field, List<String> values) {
    if (values != null) {
      values.forEach(value -> storable(endpoint, field, value));
    }
  }

  /** [0, 1], which also fits the numeric(5,4) score columns. */
  private static void unitInterval(String endpoint, String field, BigDecimal value) {
    require(
        endpoint,
        value != null && value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0,
        field + " " + value + " is not within [0, 1]");
  }

  private static void oneOf(String endpoint, String field, String value, Set<String> allowed) {
    require(
        endpoint, value != null && allowed.contains(value), field + " " + value + " is unknown");
  }

  private static void require(String endpoint, boolean condition, String problem) {
    if (!condition) {
      throw HttpFailures.invalidResponse(endpoint, problem);
    }
  }
}
