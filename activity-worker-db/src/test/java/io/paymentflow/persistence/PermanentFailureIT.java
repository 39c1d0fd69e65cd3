package io.paymentflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.persistence.EnrichedPaymentEvent;
import io.paymentflow.contracts.persistence.PersistenceActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows that can never be written fail at once and for good: a non-retryable failure, so Temporal
 * does not retry them for 24 hours, and no row.
 */
@DbWorkerTest
class PermanentFailureIT {

  @Autowired PersistenceActivities activities;
  @Autowired JdbcClient jdbc;

  @Test
  void unparsableTimestampFailsWithoutRetry() {
    String id = TestEvents.uniqueEventId();
    PaymentEvent event = TestEvents.event(id, "15/01/2024 10:30", "2024-01-15T10:30:00Z");

    assertPermanent(
        TestEvents.enriched(event, null, null, null, List.of()),
        PersistenceFailures.INVALID_ROW,
        "provider_created_at");
  }

  @Test
  void timestampWithoutOffsetFailsWithoutRetry() {
    String id = TestEvents.uniqueEventId();
    PaymentEvent event = TestEvents.event(id, "2024-01-15T10:30:00Z", "2024-01-15T10:30:00");

    assertPermanent(
        TestEvents.enriched(event, null, null, null, List.of()),
        PersistenceFailures.INVALID_ROW,
        "processed_at");
  }

  @Test
  void currencyThatIsNotThreeLettersFailsWithoutRetry() {
    assertPermanent(
        withEvent(e -> copy(e, "USDX", e.failureMessage())),
        PersistenceFailures.INVALID_ROW,
        "currency");
  }

  @Test
  void scoreOutsideNumeric54FailsWithoutRetry() {
    String id = TestEvents.uniqueEventId();
    assertPermanent(
        TestEvents.enriched(
            TestEvents.event(id), TestEvents.fraud("9.99995"), null, null, List.of()),
        PersistenceFailures.INVALID_ROW,
        "fraud_score");
  }

  @Test
  void textPostgresCannotStoreIsRefusedBeforeTheDatabaseNamingTheField() {
    assertPermanent(
        withEvent(e -> copy(e, e.currency(), "before\u0000after")),
        PersistenceFailures.INVALID_ROW,
        "failure_message holds U+0000");
  }

  @Test
  void aValueOnlyPostgresRefusesIsAPermanentDatabaseError() {
    // A NUL deep in the inference service's answer, past every check: jsonb's SQLState 22P05.
    String id = TestEvents.uniqueEventId();
    assertPermanent(
        TestEvents.enriched(
            TestEvents.event(id), null, TestEvents.retry(30, "a\u0000b"), null, List.of()),
        PersistenceFailures.PERMANENT_DATA_ERROR,
        "SQLState 22");
  }

  @Test
  void timestampsPostgresCannotHoldFailWithoutRetry() {
    String id = TestEvents.uniqueEventId();
    assertPermanent(
        TestEvents.enriched(
            TestEvents.event(id, "+300000-01-01T00:00:00Z", "2024-01-15T10:30:00Z"),
            null,
            null,
            null,
            List.of()),
        PersistenceFailures.INVALID_ROW,
        "provider_created_at");
  }

  @Test
  void permanentFailureIsLoggedWithTheEventId() {
    Logger logger = (Logger) LoggerFactory.getLogger(PersistenceActivitiesImpl.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    EnrichedPaymentEvent event = withEvent(e -> copy(e, "EURO", e.failureMessage()));
    try {
      catchThrowableOfType(ApplicationFailure.class, () -> activities.persistPaymentEvent(event));
    } finally {
      logger.detachAppender(appender);
    }

    assertThat(appender.list)
        .anySatisfy(
            logged -> {
              assertThat(logged.getLevel()).isEqualTo(Level.ERROR);
              assertThat(logged.getMDCPropertyMap())
                  .containsEntry("event_id", event.event().eventId());
            });
    assertThat(MDC.get("event_id")).as("cleared after the activity").isNull();
  }

  private void assertPermanent(EnrichedPaymentEvent event, String type, String messagePart) {
    ApplicationFailure failure =
        catchThrowableOfType(ApplicationFailure.class, () -> activities.persistPaymentEvent(event));

    assertThat(failure).as("a non-retryable ApplicationFailure").isNotNull();
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(type);
    assertThat(failure.getOriginalMessage()).contains(messagePart);
    assertThat(
            jdbc.sql("SELECT count(*) FROM payment_events WHERE event_id = ?")
                .param(event.event().eventId())
                .query(Integer.class)
                .single())
        .isZero();
  }

  private static EnrichedPaymentEvent withEvent(UnaryOperator<PaymentEvent> change) {
    PaymentEvent event = change.apply(TestEvents.event(TestEvents.uniqueEventId()));
    return TestEvents.enriched(event, null, null, null, List.of());
  }

  private static PaymentEvent copy(PaymentEvent e, String currency, String failureMessage) {
    return new PaymentEvent(
        e.eventId(),
        e.provider(),
        e.providerEventId(),
        e.eventType(),
        e.merchantId(),
        e.customerId(),
        e.amountCents(),
        currency,
        e.paymentMethodType(),
        e.cardBrand(),
        e.cardLastFour(),
        e.status(),
        e.failureCode(),
        failureMessage,
        e.metadata(),
        e.providerCreatedAt(),
        e.processedAt(),
        e.schemaVersion());
  }
}
