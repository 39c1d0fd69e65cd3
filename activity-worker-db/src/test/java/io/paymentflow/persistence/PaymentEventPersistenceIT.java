package io.paymentflow.persistence;

import static io.paymentflow.persistence.TestEvents.churn;
import static io.paymentflow.persistence.TestEvents.enriched;
import static io.paymentflow.persistence.TestEvents.event;
import static io.paymentflow.persistence.TestEvents.fraud;
import static io.paymentflow.persistence.TestEvents.fullyEnriched;
import static io.paymentflow.persistence.TestEvents.retry;
import static io.paymentflow.persistence.TestEvents.uniqueEventId;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.paymentflow.contracts.payment.EnrichmentError;
import io.paymentflow.contracts.persistence.PersistenceActivities;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** persistPaymentEvent against PostgreSQL: one row per event_id, however often it runs. */
@DbWorkerTest
class PaymentEventPersistenceIT {

  @Autowired PersistenceActivities activities;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry meters;

  /** A replay that changes nothing leaves the row exactly as it was. */
  @Test
  void persistingTheSameEventTwiceKeepsOneUntouchedRow() {
    String id = uniqueEventId();
    activities.persistPaymentEvent(fullyEnriched(id));
    OffsetDateTime ingested = timestamp(id, "ingested_at");
    OffsetDateTime firstUpdate = timestamp(id, "updated_at");
    double duplicatesBefore = duplicates();

    activities.persistPaymentEvent(fullyEnriched(id));

    assertThat(rowCount(id)).isEqualTo(1);
    assertThat(timestamp(id, "ingested_at")).isEqualTo(ingested);
    assertThat(timestamp(id, "updated_at")).isEqualTo(firstUpdate);
    assertThat(duplicates()).isEqualTo(duplicatesBefore + 1);
  }

  @Test
  void anIdenticalReplayNeverResetsTheLoadersFlag() {
    String id = uniqueEventId();
    activities.persistPaymentEvent(fullyEnriched(id));
    markLoaded(id);
    OffsetDateTime loadedAt = timestamp(id, "loaded_at");

    activities.persistPaymentEvent(fullyEnriched(id));

    assertThat(column(id, "loaded_to_iceberg", Boolean.class)).isTrue();
    assertThat(timestamp(id, "loaded_at")).isEqualTo(loadedAt);
  }

  /**
   * A re-run after Temporal's retention (another model's score), or an operator's reprocess,
   * changes a row the loader already took: the loader must take it again, not keep the old one.
   */
  @Test
  void aRerunThatChangesTheRowMarksItForTheLoaderAgain() {
    String id = uniqueEventId();
    activities.persistPaymentEvent(fullyEnriched(id));
    markLoaded(id);
    OffsetDateTime loadedAt = timestamp(id, "loaded_at");
    OffsetDateTime firstUpdate = timestamp(id, "updated_at");

    activities.persistPaymentEvent(enriched(event(id), fraud("0.9900"), null, null, List.of()));

    assertThat(column(id, "fraud_score", BigDecimal.class)).isEqualByComparingTo("0.99");
    assertThat(column(id, "loaded_to_iceberg", Boolean.class)).isFalse();
    assertThat(timestamp(id, "loaded_at")).as("when it was last loaded").isEqualTo(loadedAt);
    assertThat(timestamp(id, "updated_at")).isAfter(firstUpdate);
  }

  private void markLoaded(String id) {
    jdbc.sql(
            "UPDATE payment_events SET loaded_to_iceberg = true, loaded_at = now()"
                + " WHERE event_id = ?")
        .param(id)
        .update();
  }

  @Test
  void degradedRerunKeepsTheEnrichmentOfTheEarlierRun() {
    String id = uniqueEventId();
    activities.persistPaymentEvent(fullyEnriched(id));
    List<EnrichmentError> failed =
        List.of(
            new EnrichmentError(EnrichmentError.FRAUD_SCORE, "HttpTimeout", "timed out"),
            new EnrichmentError(EnrichmentError.CHURN_PREDICTION, "Http503", "unavailable"));

    activities.persistPaymentEvent(enriched(event(id), null, null, null, failed));

    assertThat(column(id, "fraud_score", BigDecimal.class)).isEqualByComparingTo("0.42");
    assertThat(column(id, "risk_level", String.class)).isEqualTo("medium");
    assertThat(column(id, "risk_factors::text", String.class))
        .isEqualTo("[\"velocity\", \"new_device\"]");
    assertThat(column(id, "churn_score", BigDecimal.class)).isEqualByComparingTo("0.75");
    assertThat(column(id, "days_to_churn_estimate", Integer.class)).isEqualTo(30);
    assertThat(column(id, "enrichment_errors->0->>'error_type'", String.class))
        .isEqualTo("HttpTimeout");
  }

  @Test
  void rerunWithAnEnrichmentReplacesItsWholeGroup() {
    String id = uniqueEventId();
    activities.persistPaymentEvent(enriched(event(id), null, retry(60, "first"), null, List.of()));

    activities.persistPaymentEvent(
        enriched(event(id), null, retry(null, "second"), null, List.of()));

    assertThat(column(id, "retry_strategy->>'reason'", String.class)).isEqualTo("second");
    assertThat(column(id, "retry_delay_seconds", Integer.class)).isNull();
  }

  @Test
  void storesEnrichmentAndValidationInTheirColumns() {
    String id = uniqueEventId();
    activities.persistPaymentEvent(
        enriched(event(id), fraud("0.9999"), retry(120, "soft decline"), churn("0"), List.of()));

    Map<String, Object> row =
        jdbc.sql(
                "SELECT fraud_score, fraud_model_version, retry_delay_seconds, churn_score,"
                    + " churn_risk_level, churn_model_version, validation_status,"
                    + " validation_errors::text AS errors, validation_warnings->0->>'code' AS"
                    + " warning, metadata->>'retry_attempt_count' AS attempts, currency,"
                    + " amount_cents, schema_version FROM payment_events WHERE event_id = ?")
            .param(id)
            .query()
            .singleRow();

    assertThat((BigDecimal) row.get("fraud_score")).isEqualByComparingTo("0.9999");
    assertThat(row)
        .containsEntry("fraud_model_version", "fraud-v1")
        .containsEntry("retry_delay_seconds", 120)
        .containsEntry("churn_risk_level", "high")
        .containsEntry("churn_model_version", "churn-v2")
        .containsEntry("validation_status", "passed")
        .containsEntry("errors", "[]")
        .containsEntry("warning", "HIGH_VALUE")
        .containsEntry("attempts", "2")
        .containsEntry("currency", "USD")
        .containsEntry("amount_cents", 25_000L)
        .containsEntry("schema_version", 1);
    assertThat((BigDecimal) row.get("churn_score")).isEqualByComparingTo("0");
  }

  @Test
  void parsesTimestampsWithZAndWithOffsetKeepingMicroseconds() {
    String id = uniqueEventId();
    activities.persistPaymentEvent(
        enriched(
            event(id, "2024-01-15T10:30:00Z", "2024-01-15T12:30:00.123456+02:00"),
            null,
            null,
            null,
            List.of()));

    assertThat(timestamp(id, "provider_created_at").toInstant()).isEqualTo("2024-01-15T10:30:00Z");
    assertThat(timestamp(id, "processed_at").toInstant()).isEqualTo("2024-01-15T10:30:00.123456Z");
  }

  private double duplicates() {
    var counter = meters.find("persistence.duplicates").tag("table", "payment_events").counter();
    return counter == null ? 0 : counter.count();
  }

  private int rowCount(String id) {
    return jdbc.sql("SELECT count(*) FROM payment_events WHERE event_id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  private OffsetDateTime timestamp(String id, String column) {
    return column(id, column, OffsetDateTime.class);
  }

  /** {@code expression} is test-written SQL; the event id is always a parameter. */
  private <T> T column(String id, String expression, Class<T> type) {
    return jdbc.sql("SELECT " + expression + " FROM payment_events WHERE event_id = ?")
        .param(id)
        .query((rs, n) -> rs.getObject(1, type))
        .list()
        .get(0);
  }
}
