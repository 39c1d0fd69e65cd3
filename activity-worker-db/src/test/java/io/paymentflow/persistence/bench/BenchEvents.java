package io.paymentflow.persistence.bench;

import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.inference.ChurnPrediction;
import io.paymentflow.contracts.inference.FraudScore;
import io.paymentflow.contracts.inference.RetryStrategy;
import io.paymentflow.contracts.payment.RuleViolation;
import io.paymentflow.contracts.payment.ValidationResult;
import io.paymentflow.contracts.persistence.EnrichedPaymentEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fully enriched, valid events (every jsonb column filled), distinct per index. Every id starts
 * with the run's marker, so a rerun never collides with an earlier one and cleanup finds its rows.
 */
final class BenchEvents {

  private BenchEvents() {}

  /** {@code count} events with ids {@code <marker><pass>_<i>}. */
  static List<EnrichedPaymentEvent> batch(String marker, String pass, int count) {
    List<EnrichedPaymentEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(enriched(marker + pass + "_" + i, i));
    }
    return events;
  }

  private static EnrichedPaymentEvent enriched(String eventId, int i) {
    String customer = "cus_" + (i % 997);
    PaymentEvent event =
        new PaymentEvent(
            eventId,
            "stripe",
            "evt_" + Integer.toHexString(eventId.hashCode()) + "_" + i,
            "payment.succeeded",
            "merch_" + (i % 53),
            customer,
            1_000L + i % 50_000,
            "USD",
            "card",
            "visa",
            "4242",
            "succeeded",
            null,
            null,
            Map.of("retry_attempt_count", 1 + i % 3, "channel", "web"),
            "2024-05-01T10:15:30Z",
            "2024-05-01T10:15:31.123456+00:00",
            1);
    ValidationResult validation =
        new ValidationResult(
            List.of(), List.of(new RuleViolation("amount", "HIGH_VALUE", "amount above 10000")));
    FraudScore fraud =
        new FraudScore(
            eventId,
            BigDecimal.valueOf(i % 10_000, 4),
            "medium",
            List.of("velocity", "new_device"),
            "fraud-v1");
    RetryStrategy retry =
        new RetryStrategy(eventId, "retry_delayed", 60, 3, new BigDecimal("0.85"), "soft decline");
    ChurnPrediction churn =
        new ChurnPrediction(
            customer,
            new BigDecimal("0.7500"),
            "high",
            List.of("declines"),
            List.of("reach_out"),
            30,
            "churn-v2",
            "2024-05-01T10:15:32Z");
    return new EnrichedPaymentEvent(event, validation, fraud, retry, churn, List.of());
  }
}
