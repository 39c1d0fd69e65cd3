package io.paymentflow.persistence;

import io.paymentflow.contracts.event.FieldError;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PayloadEncoding;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.inference.ChurnPrediction;
import io.paymentflow.contracts.inference.FraudScore;
import io.paymentflow.contracts.inference.RetryStrategy;
import io.paymentflow.contracts.payment.EnrichmentError;
import io.paymentflow.contracts.payment.RuleViolation;
import io.paymentflow.contracts.payment.ValidationResult;
import io.paymentflow.contracts.persistence.EnrichedPaymentEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data. Ids are unique per call, so tests never see each other's rows in the shared DB. */
final class TestEvents {

  private TestEvents() {}

  static String uniqueEventId() {
    return "test:evt_" + UUID.randomUUID();
  }

  static KafkaCoordinates uniqueDlqCoordinates() {
    return new KafkaCoordinates("test.dlq." + UUID.randomUUID(), 3, 1_234_567_890_123L);
  }

  static PaymentEvent event(String eventId) {
    return event(eventId, "2024-01-15T10:30:00Z", "2024-01-15T10:30:01.123456+00:00");
  }

  static PaymentEvent event(String eventId, String providerCreatedAt, String processedAt) {
    return event(
        eventId,
        providerCreatedAt,
        processedAt,
        Map.of("retry_attempt_count", 2, "channel", "web"));
  }

  static PaymentEvent event(String eventId, Map<String, Object> metadata) {
    return event(eventId, "2024-01-15T10:30:00Z", "2024-01-15T10:30:01.123456+00:00", metadata);
  }

  private static PaymentEvent event(
      String eventId, String providerCreatedAt, String processedAt, Map<String, Object> metadata) {
    return new PaymentEvent(
        eventId,
        "stripe",
        eventId.substring(eventId.indexOf(':') + 1),
        "payment.succeeded",
        "merch_001",
        "cus_001",
        25_000L,
        "USD",
        "card",
        "visa",
        "4242",
        "succeeded",
        null,
        null,
        metadata,
        providerCreatedAt,
        processedAt,
        1);
  }

  static FraudScore fraud(String score) {
    return new FraudScore(
        null, new BigDecimal(score), "medium", List.of("velocity", "new_device"), "fraud-v1");
  }

  static RetryStrategy retry(Integer delaySeconds, String reason) {
    return new RetryStrategy(
        null, "retry_delayed", delaySeconds, 3, new BigDecimal("0.85"), reason);
  }

  static ChurnPrediction churn(String probability) {
    return new ChurnPrediction(
        "cus_001",
        new BigDecimal(probability),
        "high",
        List.of("declines"),
        List.of("reach_out"),
        30,
        "churn-v2",
        "2024-01-15T10:30:02Z");
  }

  static ValidationResult highValue() {
    return new ValidationResult(
        List.of(), List.of(new RuleViolation("amount", "HIGH_VALUE", "amount above 10000")));
  }

  static EnrichedPaymentEvent enriched(
      PaymentEvent event,
      FraudScore fraud,
      RetryStrategy retry,
      ChurnPrediction churn,
      List<EnrichmentError> errors) {
    return new EnrichedPaymentEvent(event, highValue(), fraud, retry, churn, errors);
  }

  static EnrichedPaymentEvent fullyEnriched(String eventId) {
    return enriched(event(eventId), fraud("0.4200"), null, churn("0.7500"), List.of());
  }

  static QuarantinedRecord quarantined(
      String eventId, String payload, PayloadEncoding encoding, KafkaCoordinates readAt) {
    return new QuarantinedRecord(
        eventId,
        "stripe",
        null,
        payload,
        encoding,
        List.of(new FieldError("data.object.currency", "INVALID_CURRENCY", "currency is 'XX'")),
        "INVALID_CURRENCY",
        "payments.raw",
        7,
        99L,
        "2024-01-15T10:30:03.5+00:00",
        1,
        readAt,
        null);
  }
}
