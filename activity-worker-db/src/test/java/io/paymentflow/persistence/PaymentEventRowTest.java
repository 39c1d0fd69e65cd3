package io.paymentflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.paymentflow.contracts.event.StorableEvent;
import io.paymentflow.contracts.inference.RetryStrategy;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentEventRowTest {

  private final JsonColumns json = new JsonColumns();

  @Test
  void zuluAndZeroOffsetNameTheSameInstantWithMicroseconds() {
    PaymentEventRow row = row("2024-01-15T10:30:00.000001Z", "2024-01-15T10:30:00.000001+00:00");

    assertThat(row.providerCreatedAt().toInstant())
        .isEqualTo(Instant.parse("2024-01-15T10:30:00.000001Z"))
        .isEqualTo(row.processedAt().toInstant());
  }

  @Test
  void missingTimestampIsNullNotAFailure() {
    assertThat(row(null, "2024-01-15T10:30:00Z").providerCreatedAt()).isNull();
  }

  @Test
  void eventIdOfTheLongestAllowedLengthCountsEmojiAsOne() {
    String emojis = "\uD83D\uDCB8".repeat(StorableEvent.MAX_EVENT_ID_LENGTH);

    PaymentEventRow row =
        PaymentEventRow.of(
            TestEvents.enriched(TestEvents.event(emojis), null, null, null, List.of()), json);

    assertThat(row.eventId()).isEqualTo(emojis);
    assertInvalid(emojis + "x", "event_id");
  }

  @Test
  void retryStrategyIsKeptWholeWithItsDelayAlongside() {
    RetryStrategy strategy = TestEvents.retry(90, "soft decline");

    PaymentEventRow row =
        PaymentEventRow.of(
            TestEvents.enriched(TestEvents.event("s:1"), null, strategy, null, List.of()), json);

    assertThat(row.hasRetryStrategy()).isTrue();
    assertThat(row.retryDelaySeconds()).isEqualTo(90);
    assertThat(row.retryStrategy())
        .contains("\"action\":\"retry_delayed\"", "\"confidence\":0.85", "\"max_attempts\":3");
    assertThat(row.hasFraud()).isFalse();
    assertThat(row.riskFactors()).isNull();
  }

  @Test
  void scoreThatRoundsToTenDoesNotFitNumeric54() {
    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class,
            () ->
                PaymentEventRow.of(
                    TestEvents.enriched(
                        TestEvents.event("s:1"),
                        null,
                        null,
                        TestEvents.churn("9.99995"),
                        List.of()),
                    json));

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("churn_score");
  }

  private PaymentEventRow row(String providerCreatedAt, String processedAt) {
    return PaymentEventRow.of(
        TestEvents.enriched(
            TestEvents.event("s:1", providerCreatedAt, processedAt), null, null, null, List.of()),
        json);
  }

  private void assertInvalid(String eventId, String messagePart) {
    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class,
            () ->
                PaymentEventRow.of(
                    TestEvents.enriched(TestEvents.event(eventId), null, null, null, List.of()),
                    json));
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(PersistenceFailures.INVALID_ROW);
    assertThat(failure.getOriginalMessage()).contains(messagePart);
  }
}
