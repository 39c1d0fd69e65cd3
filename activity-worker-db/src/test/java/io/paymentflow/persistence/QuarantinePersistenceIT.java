package io.paymentflow.persistence;

import static io.paymentflow.persistence.TestEvents.quarantined;
import static io.paymentflow.persistence.TestEvents.uniqueDlqCoordinates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PayloadEncoding;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.persistence.PersistenceActivities;
import io.paymentflow.contracts.review.RecordedDecision;
import io.paymentflow.contracts.review.ReprocessOutcome;
import io.paymentflow.contracts.review.Resolution;
import io.paymentflow.contracts.review.ReviewDecision;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** persistQuarantine and recordReview: one row per record the bridge read, and its decision. */
@DbWorkerTest
class QuarantinePersistenceIT {

  @Autowired PersistenceActivities activities;
  @Autowired JdbcClient jdbc;

  @Test
  void recordWithoutEventIdIsStoredWithItsCoordinates() {
    KafkaCoordinates readAt = uniqueDlqCoordinates();

    activities.persistQuarantine(quarantined(null, "not json", PayloadEncoding.UTF8, readAt));

    Map<String, Object> row = row(readAt);
    assertThat(row.get("event_id")).isNull();
    assertThat(row)
        .containsEntry("original_payload", "not json")
        .containsEntry("payload_encoding", "utf8")
        .containsEntry("failure_reason", "INVALID_CURRENCY")
        .containsEntry("source_topic", "payments.raw")
        .containsEntry("kafka_partition", 7)
        .containsEntry("kafka_offset", 99L)
        .containsEntry("reviewed", false)
        .containsEntry("errors", "INVALID_CURRENCY");
    assertThat(((OffsetDateTime) row.get("quarantined_at")).toInstant())
        .isEqualTo("2024-01-15T10:30:03.500Z");
  }

  @Test
  void sameRecordTwiceMakesOneRow() {
    KafkaCoordinates readAt = uniqueDlqCoordinates();
    String eventId = TestEvents.uniqueEventId();

    activities.persistQuarantine(quarantined(eventId, "{}", PayloadEncoding.UTF8, readAt));
    activities.persistQuarantine(quarantined(eventId, "{}", PayloadEncoding.UTF8, readAt));

    assertThat(
            jdbc.sql("SELECT count(*) FROM payment_events_quarantine WHERE dlq_topic = ?")
                .param(readAt.topic())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  /** A topic created again, or another cluster, hands out an offset an earlier record had. */
  @Test
  void aNewRecordAtReusedCoordinatesGetsARowOfItsOwnAndARedeliveryDoesNot() {
    KafkaCoordinates first = uniqueDlqCoordinates();
    KafkaCoordinates firstHashed = hashed(first, "{\"first\":1}");
    KafkaCoordinates reused = hashed(first, "{\"second\":2}");

    activities.persistQuarantine(quarantined(null, "first", PayloadEncoding.UTF8, firstHashed));
    activities.persistQuarantine(quarantined(null, "second", PayloadEncoding.UTF8, reused));
    activities.persistQuarantine(quarantined(null, "first", PayloadEncoding.UTF8, firstHashed));

    assertThat(
            jdbc.sql(
                    "SELECT original_payload FROM payment_events_quarantine WHERE dlq_topic = ?"
                        + " ORDER BY id")
                .param(first.topic())
                .query(String.class)
                .list())
        .containsExactly("first", "second");
  }

  /** A row written before the hash existed is the row of whatever record was read there. */
  @Test
  void aRowFromBeforeTheHashStandsForTheRecordReadAtItsCoordinates() {
    KafkaCoordinates legacy = uniqueDlqCoordinates();
    KafkaCoordinates sameRecordHashed = hashed(legacy, "{}");
    activities.persistQuarantine(quarantined(null, "{}", PayloadEncoding.UTF8, legacy));

    activities.persistQuarantine(quarantined(null, "{}", PayloadEncoding.UTF8, sameRecordHashed));
    activities.recordReview(
        sameRecordHashed, new ReviewDecision(Resolution.DISCARD, "alice", null));

    assertThat(
            jdbc.sql("SELECT count(*) FROM payment_events_quarantine WHERE dlq_topic = ?")
                .param(legacy.topic())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(row(legacy)).containsEntry("resolution", "discard");
  }

  @Test
  void anOperatorsDecisionIsNeverReplacedAndTheWriterIsToldWhichStands() {
    KafkaCoordinates readAt = hashed(uniqueDlqCoordinates(), "{}");
    activities.persistQuarantine(quarantined(null, "{}", PayloadEncoding.UTF8, readAt));
    activities.recordReview(readAt, new ReviewDecision(Resolution.DISCARD, "alice", null));

    RecordedDecision afterExpiry =
        activities.recordReview(readAt, new ReviewDecision(Resolution.EXPIRED, "system", null));
    RecordedDecision afterAnother =
        activities.recordReview(readAt, new ReviewDecision(Resolution.MANUAL_FIX, "bob", null));
    RecordedDecision onASecondReviewsRow =
        activities.persistQuarantine(quarantined(null, "{}", PayloadEncoding.UTF8, readAt));

    RecordedDecision alices = new RecordedDecision(Resolution.DISCARD, "alice");
    assertThat(afterExpiry).isEqualTo(alices);
    assertThat(afterAnother).isEqualTo(alices);
    assertThat(onASecondReviewsRow).isEqualTo(alices);
    assertThat(row(readAt))
        .containsEntry("resolution", "discard")
        .containsEntry("reviewed_by", "alice");
  }

  @Test
  void expiredGivesWayToAnOperatorsDecision() {
    KafkaCoordinates readAt = hashed(uniqueDlqCoordinates(), "{}");
    RecordedDecision onANewRow =
        activities.persistQuarantine(quarantined(null, "{}", PayloadEncoding.UTF8, readAt));
    activities.recordReview(readAt, new ReviewDecision(Resolution.EXPIRED, "system", null));

    RecordedDecision decided =
        activities.recordReview(readAt, new ReviewDecision(Resolution.MANUAL_FIX, "carol", null));

    assertThat(onANewRow).isNull();
    assertThat(decided).isEqualTo(new RecordedDecision(Resolution.MANUAL_FIX, "carol"));
    assertThat(row(readAt)).containsEntry("resolution", "manual_fix");
  }

  private static KafkaCoordinates hashed(KafkaCoordinates readAt, String value) {
    return KafkaCoordinates.of(
        readAt.topic(),
        readAt.partition(),
        readAt.offset(),
        value.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void base64PayloadKeepsItsEncodingFlag() {
    KafkaCoordinates readAt = uniqueDlqCoordinates();
    String base64 = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xC3, 0x28, 0x00, -1});

    activities.persistQuarantine(quarantined(null, base64, PayloadEncoding.BASE64, readAt));

    assertThat(row(readAt))
        .containsEntry("original_payload", base64)
        .containsEntry("payload_encoding", "base64");
  }

  @Test
  void utf8PayloadWithNulIsStoredAsBase64OfItsBytes() {
    KafkaCoordinates readAt = uniqueDlqCoordinates();
    String payload = "{\"a\":\"x\u0000y\"}";

    activities.persistQuarantine(quarantined(null, payload, PayloadEncoding.UTF8, readAt));

    Map<String, Object> row = row(readAt);
    assertThat(row).containsEntry("payload_encoding", "base64");
    byte[] stored = Base64.getDecoder().decode((String) row.get("original_payload"));
    assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo(payload);
  }

  @Test
  void reviewWritesResolutionReviewerAndTime() {
    KafkaCoordinates readAt = uniqueDlqCoordinates();
    activities.persistQuarantine(quarantined(null, "{}", PayloadEncoding.UTF8, readAt));

    activities.recordReview(readAt, new ReviewDecision(Resolution.MANUAL_FIX, "alice", null));

    Map<String, Object> row = row(readAt);
    assertThat(row)
        .containsEntry("reviewed", true)
        .containsEntry("reviewed_by", "alice")
        .containsEntry("resolution", "manual_fix");
    assertThat(row.get("reviewed_at")).isNotNull();
  }

  @Test
  void repeatingTheSameReviewKeepsItsFirstTime() {
    KafkaCoordinates readAt = uniqueDlqCoordinates();
    activities.persistQuarantine(quarantined(null, "{}", PayloadEncoding.UTF8, readAt));
    ReviewDecision decision = new ReviewDecision(Resolution.DISCARD, "bob", null);
    activities.recordReview(readAt, decision);
    Object firstReviewedAt = row(readAt).get("reviewed_at");

    activities.recordReview(readAt, decision);

    assertThat(row(readAt).get("reviewed_at")).isEqualTo(firstReviewedAt);
  }

  @Test
  void reviewOfAMissingRowFailsRetryably() {
    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class,
            () ->
                activities.recordReview(
                    uniqueDlqCoordinates(), new ReviewDecision(Resolution.EXPIRED, null, null)));

    assertThat(failure).isNotNull();
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo(PersistenceFailures.QUARANTINE_ROW_MISSING);
  }

  @Test
  void aRefusedPaymentEventIsKeptAsItsJsonExactlyWhateverItHolds() throws Exception {
    KafkaCoordinates readAt = uniqueDlqCoordinates();
    PaymentEvent event =
        TestEvents.event(
            TestEvents.uniqueEventId(), "2024-01-15T10:30:00Z", "2024-01-15T10:30:01Z");
    PaymentEvent nasty =
        new PaymentEvent(
            event.eventId(),
            event.provider(),
            event.providerEventId(),
            event.eventType(),
            event.merchantId(),
            event.customerId(),
            event.amountCents(),
            "EURO",
            event.paymentMethodType(),
            event.cardBrand(),
            event.cardLastFour(),
            event.status(),
            event.failureCode(),
            "nul\u0000 lone\uD800 \u20AC",
            Map.of("k", "v"),
            event.providerCreatedAt(),
            event.processedAt(),
            event.schemaVersion());

    activities.persistQuarantine(
        QuarantinedRecord.persistRejected(
            nasty, readAt, "PostgreSQL rejected\u0000 the data", "2026-01-01T00:00:00Z"));

    Map<String, Object> row = row(readAt);
    assertThat(row)
        .containsEntry("event_id", event.eventId())
        .containsEntry("payload_encoding", "utf8")
        .containsEntry("failure_reason", "PERSIST_REJECTED")
        .containsEntry("errors", "PERSIST_REJECTED");
    PaymentEvent stored =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readValue((String) row.get("original_payload"), PaymentEvent.class);
    assertThat(stored).isEqualTo(nasty);
  }

  @Test
  void aQuarantinedAtPostgresCannotHoldFallsBackToNowAndTheRowIsStillWritten() {
    KafkaCoordinates readAt = uniqueDlqCoordinates();
    QuarantinedRecord base = quarantined(null, "{}", PayloadEncoding.UTF8, readAt);
    QuarantinedRecord farFuture =
        new QuarantinedRecord(
            "ev\u0000il",
            "prov\u0000",
            null,
            "{}",
            PayloadEncoding.UTF8,
            base.validationErrors(),
            "REASON\u0000",
            null,
            null,
            null,
            "+300000-01-01T00:00:00Z",
            1,
            readAt,
            null);

    activities.persistQuarantine(farFuture);

    Map<String, Object> row = row(readAt);
    assertThat(row.get("event_id")).as("no workflow could have had it").isNull();
    assertThat(row).containsEntry("failure_reason", "REASON\uFFFD");
    assertThat(((OffsetDateTime) row.get("quarantined_at")).getYear()).isBetween(2026, 2100);
  }

  @Test
  void aReviewerNameWithNulIsStoredReplacedNotLost() {
    KafkaCoordinates readAt = uniqueDlqCoordinates();
    activities.persistQuarantine(quarantined(null, "{}", PayloadEncoding.UTF8, readAt));

    activities.recordReview(readAt, new ReviewDecision(Resolution.DISCARD, "al\u0000ice", null));

    assertThat(row(readAt)).containsEntry("reviewed_by", "al\uFFFDice");
  }

  @Test
  void aReprocessThatWasRefusedKeepsThatOutcomeWhateverArrivesAfter() {
    KafkaCoordinates readAt = uniqueDlqCoordinates();
    activities.persistQuarantine(quarantined(null, "{}", PayloadEncoding.UTF8, readAt));

    activities.recordReprocessOutcome(
        readAt, new ReprocessOutcome(ReprocessOutcome.PERSIST_REJECTED, "SQLState 22021"));
    activities.recordReprocessOutcome(
        readAt, new ReprocessOutcome(ReprocessOutcome.STARTED, "payment-x"));

    assertThat(
            jdbc.sql(
                    "SELECT reprocess_outcome || ' ' || reprocess_note FROM payment_events_quarantine"
                        + " WHERE dlq_topic = ? AND dlq_offset = ?")
                .param(readAt.topic())
                .param(readAt.offset())
                .query(String.class)
                .single())
        .isEqualTo("persist_rejected SQLState 22021");
  }

  @Test
  void aReprocessOutcomeOfAMissingRowFailsRetryably() {
    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class,
            () ->
                activities.recordReprocessOutcome(
                    uniqueDlqCoordinates(), new ReprocessOutcome(ReprocessOutcome.STARTED, "x")));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo(PersistenceFailures.QUARANTINE_ROW_MISSING);
  }

  private Map<String, Object> row(KafkaCoordinates readAt) {
    return jdbc.sql(
            "SELECT event_id, original_payload, payload_encoding, failure_reason, source_topic,"
                + " kafka_partition, kafka_offset, quarantined_at, reviewed, reviewed_at,"
                + " reviewed_by, resolution, validation_errors->0->>'code' AS errors"
                + " FROM payment_events_quarantine"
                + " WHERE dlq_topic = ? AND dlq_partition = ? AND dlq_offset = ?")
        .params(readAt.topic(), readAt.partition(), readAt.offset())
        .query((rs, n) -> rowOf(rs))
        .single();
  }

  private static Map<String, Object> rowOf(ResultSet rs) throws SQLException {
    var row = new HashMap<String, Object>();
    var meta = rs.getMetaData();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      String name = meta.getColumnLabel(i);
      row.put(name, name.endsWith("_at") ? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i));
    }
    return row;
  }
}
