package io.paymentflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paymentflow.contracts.event.PayloadEncoding;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.inference.RetryStrategy;
import io.paymentflow.contracts.persistence.PersistenceActivities;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Whatever text arrives is what PostgreSQL keeps: no escaping, trimming or reinterpretation. */
@DbWorkerTest
class VerbatimTextIT {

  static final String SQL_LOOKING = "'; DROP TABLE payment_events; --";
  static final String ODD =
      "quote \" apostrophe ' backslash \\ \\n literal, emoji \uD83D\uDCB8\uD83D\uDE80,"
          + " RTL \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627,"
          + " combining e\u0301 a\u0308, controls \u0001\t\r\n\u001F\u007F, "
          + SQL_LOOKING;

  private final ObjectMapper mapper = new ObjectMapper();

  @Autowired PersistenceActivities activities;
  @Autowired JdbcClient jdbc;

  @Test
  void oddStringsLandVerbatimInTextAndJsonbColumns() throws Exception {
    String id = TestEvents.uniqueEventId() + ODD;
    PaymentEvent base = TestEvents.event(id);
    Map<String, Object> metadata =
        Map.of(ODD, ODD, "nested", Map.of("sql", SQL_LOOKING, "list", List.of(ODD, 1, true)));
    PaymentEvent odd =
        new PaymentEvent(
            id,
            ODD,
            ODD,
            base.eventType(),
            SQL_LOOKING,
            ODD,
            base.amountCents(),
            base.currency(),
            ODD,
            ODD,
            ODD,
            ODD,
            ODD,
            ODD,
            metadata,
            base.providerCreatedAt(),
            base.processedAt(),
            base.schemaVersion());

    activities.persistPaymentEvent(TestEvents.enriched(odd, null, null, null, List.of()));

    Map<String, Object> row =
        jdbc.sql(
                "SELECT event_id, provider, merchant_id, customer_id, failure_message,"
                    + " metadata::text AS metadata FROM payment_events WHERE event_id = ?")
            .param(id)
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("event_id", id)
        .containsEntry("provider", ODD)
        .containsEntry("merchant_id", SQL_LOOKING)
        .containsEntry("customer_id", ODD)
        .containsEntry("failure_message", ODD);
    assertThat(mapper.readValue((String) row.get("metadata"), Map.class)).isEqualTo(metadata);
    assertThat(
            jdbc.sql("SELECT to_regclass('payment_events') IS NOT NULL")
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void severalKilobyteRetryStrategyRoundTripsWhole() throws Exception {
    String id = TestEvents.uniqueEventId();
    String reason = (ODD + " ").repeat(60);
    assertThat(reason.length()).isGreaterThan(8_000);
    RetryStrategy strategy = TestEvents.retry(3600, reason);

    activities.persistPaymentEvent(
        TestEvents.enriched(TestEvents.event(id), null, strategy, null, List.of()));

    String stored =
        jdbc.sql("SELECT retry_strategy::text FROM payment_events WHERE event_id = ?")
            .param(id)
            .query(String.class)
            .single();
    assertThat(mapper.readValue(stored, RetryStrategy.class)).isEqualTo(strategy);
    assertThat(mapper.readTree(stored))
        .isEqualTo(mapper.readTree(mapper.writeValueAsString(strategy)));
  }

  @Test
  void quarantinePayloadIsKeptExactly() {
    var readAt = TestEvents.uniqueDlqCoordinates();
    String payload = "{\"event_id\": \"" + ODD.replace("\\", "\\\\") + "\", broken json";

    activities.persistQuarantine(
        TestEvents.quarantined(null, payload, PayloadEncoding.UTF8, readAt));

    assertThat(
            jdbc.sql(
                    "SELECT original_payload FROM payment_events_quarantine"
                        + " WHERE dlq_topic = ? AND dlq_partition = ? AND dlq_offset = ?")
                .params(readAt.topic(), readAt.partition(), readAt.offset())
                .query(String.class)
                .single())
        .isEqualTo(payload);
  }
}
