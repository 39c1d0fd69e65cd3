package io.paymentflow.persistence;

import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.StorableText;
import io.paymentflow.contracts.review.RecordedDecision;
import io.paymentflow.contracts.review.ReprocessOutcome;
import io.paymentflow.contracts.review.Resolution;
import io.paymentflow.contracts.review.ReviewDecision;
import java.sql.Types;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes {@code payment_events_quarantine}: one row per Kafka record the bridge read, keyed by
 * where it was read and what it held ({@code dlq_topic, dlq_partition, dlq_offset,
 * dlq_record_hash}).
 *
 * <p>A row from before the hash existed ({@code dlq_record_hash = ''}) stands for whatever record
 * was read at its coordinates, and coordinates without a hash (a review started before it existed)
 * stand for whatever row is at them: so neither side of that change can make a second row for one
 * record.
 */
@Repository
class QuarantineRepository {

  /**
   * The row of the record read at :topic/:partition/:offset with hash :hash; its own hash first.
   */
  private static final String THE_RECORDS_ROW =
      """
      SELECT id FROM payment_events_quarantine
       WHERE dlq_topic = :topic AND dlq_partition = :partition AND dlq_offset = :offset
         AND (dlq_record_hash = :hash OR dlq_record_hash = '' OR :hash = '')
       ORDER BY dlq_record_hash = :hash DESC, id
       LIMIT 1
      """;

  private static final String FIND =
      """
      SELECT reviewed, resolution, reviewed_by FROM payment_events_quarantine
       WHERE id = (%s)
      """
          .formatted(THE_RECORDS_ROW);

  private static final String INSERT =
      """
      INSERT INTO payment_events_quarantine (
          event_id, provider, provider_event_id, original_payload, payload_encoding,
          validation_errors, failure_reason, source_topic, kafka_partition, kafka_offset,
          dlq_topic, dlq_partition, dlq_offset, dlq_record_hash, quarantined_at, schema_version)
      VALUES (
          :eventId, :provider, :providerEventId, :originalPayload, :payloadEncoding,
          CAST(:validationErrors AS jsonb), :failureReason, :sourceTopic, :kafkaPartition,
          :kafkaOffset, :dlqTopic, :dlqPartition, :dlqOffset, :dlqRecordHash,
          COALESCE(:quarantinedAt, now()), :schemaVersion)
      ON CONFLICT (dlq_topic, dlq_partition, dlq_offset, dlq_record_hash) DO NOTHING
      """;

  /*
   * A decided row is never decided again: an operator's decision stays, whoever sends another, and
   * expired (no decision) gives way to an operator's but replaces nothing. Writing the same
   * decision again keeps the first reviewed_at, so a retried activity leaves the row exactly as its
   * first successful attempt did.
   */
  private static final String RECORD_REVIEW =
      """
      UPDATE payment_events_quarantine SET
          reviewed_at = CASE
              WHEN reviewed AND resolution = :resolution
                   AND reviewed_by IS NOT DISTINCT FROM :reviewer THEN reviewed_at
              ELSE now() END,
          reviewed = true,
          reviewed_by = :reviewer,
          resolution = :resolution
      WHERE id = (%s)
        AND (NOT reviewed
             OR (resolution = 'expired' AND :resolution <> 'expired')
             OR (resolution = :resolution AND reviewed_by IS NOT DISTINCT FROM :reviewer))
      """
          .formatted(THE_RECORDS_ROW);

  /*
   * persist_rejected, the reprocess's own report of a refused row, is never replaced: the review
   * writes started after the child has started, and the two may land in either order.
   */
  private static final String RECORD_REPROCESS_OUTCOME =
      """
      UPDATE payment_events_quarantine SET
          reprocess_outcome = :outcome,
          reprocess_note = :note
      WHERE id = (%s)
        AND (reprocess_outcome IS DISTINCT FROM 'persist_rejected' OR :outcome = 'persist_rejected')
      """
          .formatted(THE_RECORDS_ROW);

  private final JdbcClient jdbc;

  QuarantineRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What a quarantine row holds of its review, when the record has a row. */
  record Review(boolean reviewed, RecordedDecision decision) {}

  /** Inserts the row unless the record it came from is already stored. */
  WriteOutcome insert(QuarantineRow row) {
    KafkaCoordinates readAt =
        new KafkaCoordinates(row.dlqTopic(), row.dlqPartition(), row.dlqOffset());
    if (find(readAt, row.dlqRecordHash()).isPresent()) {
      return WriteOutcome.DUPLICATE;
    }
    int inserted = jdbc.sql(INSERT).paramSource(row).update();
    return inserted == 1 ? WriteOutcome.INSERTED : WriteOutcome.DUPLICATE;
  }

  /** The review state of the row of the record read at {@code readAt}, if it has one. */
  Optional<Review> find(KafkaCoordinates readAt) {
    return find(readAt, QuarantineRow.recordHash(readAt));
  }

  private Optional<Review> find(KafkaCoordinates readAt, String hash) {
    return at(jdbc.sql(FIND), readAt, hash)
        .query(
            (rs, n) -> {
              String resolution = rs.getString("resolution");
              return new Review(
                  rs.getBoolean("reviewed"),
                  resolution == null
                      ? null
                      : new RecordedDecision(column(resolution), rs.getString("reviewed_by")));
            })
        .optional();
  }

  /**
   * Writes the decision onto the row of the record read at {@code readAt}, unless an operator's
   * other decision is there; false when the record has no row.
   */
  boolean recordReview(KafkaCoordinates readAt, ReviewDecision decision) {
    at(jdbc.sql(RECORD_REVIEW), readAt, QuarantineRow.recordHash(readAt))
        .param("resolution", decision.resolution().columnValue())
        .param("reviewer", sanitized(decision.reviewer()), Types.VARCHAR)
        .update();
    return find(readAt).isPresent();
  }

  /**
   * Writes a reprocess outcome onto the row of the record read at {@code readAt}; false when there
   * is no such row. A row whose reprocess was refused keeps that outcome.
   */
  boolean recordReprocessOutcome(KafkaCoordinates readAt, ReprocessOutcome outcome) {
    int updated =
        at(jdbc.sql(RECORD_REPROCESS_OUTCOME), readAt, QuarantineRow.recordHash(readAt))
            .param("outcome", outcome.code())
            .param("note", sanitized(outcome.note()), Types.VARCHAR)
            .update();
    return updated > 0 || find(readAt).isPresent();
  }

  private static JdbcClient.StatementSpec at(
      JdbcClient.StatementSpec statement, KafkaCoordinates readAt, String hash) {
    return statement
        .param("topic", readAt.topic())
        .param("partition", readAt.partition())
        .param("offset", readAt.offset())
        .param("hash", hash);
  }

  private static Resolution column(String value) {
    return Arrays.stream(Resolution.values())
        .filter(r -> r.columnValue().equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("unknown resolution " + value));
  }

  /** Descriptive text this system writes never fails on a character PostgreSQL refuses. */
  private static String sanitized(String text) {
    return text == null ? null : StorableText.sanitized(text);
  }
}
