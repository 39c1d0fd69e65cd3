package io.paymentflow.persistence;

import static io.paymentflow.persistence.TestEvents.quarantined;
import static io.paymentflow.persistence.TestEvents.uniqueDlqCoordinates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PayloadEncoding;
import io.paymentflow.contracts.persistence.PersistenceActivities;
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
