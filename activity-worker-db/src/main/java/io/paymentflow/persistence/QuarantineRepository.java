package io.paymentflow.persistence;

import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.StorableText;
import io.paymentflow.contracts.review.ReprocessOutcome;
import io.paymentflow.contracts.review.ReviewDecision;
import java.sql.Types;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes {@code payment_events_quarantine}: one row per Kafka record the bridge read, keyed by
 * {@code (dlq_topic, dlq_partition, dlq_offset)}.
 */
@Repository
class QuarantineRepository {

  private static final String INSERT =
      """
      INSERT INTO payment_events_quarantine (
          event_id, provider, provider_event_id, original_payload, payload_encoding,
          validation_errors, failure_reason, source_topic, kafka_partition, kafka_offset,
          dlq_topic, dlq_partition, dlq_offset, quarantined_at, schema_version)
      VALUES (
          :eventId, :provider, :providerEventId, :originalPayload, :payloadEncoding,
          CAST(:validationErrors AS jsonb), :failureReason, :sourceTopic, :kafkaPartition,
          :kafkaOffset, :dlqTopic, :dlqPartition, :dlqOffset,
          COALESCE(:quarantinedAt, now()), :schemaVersion)
      ON CONFLICT (dlq_topic, dlq_partition, dlq_offset) DO NOTHING
      """;

  /*
   * Writing the same decision again keeps the first reviewed_at, so a retried activity leaves the
   * row exactly as its first successful attempt did.
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
      WHERE dlq_topic = :topic AND dlq_partition = :partition AND dlq_offset = :offset
      """;

  /*
   * persist_rejected, the reprocess's own report of a refused row, is never replaced: the review
   * writes started after the child has started, and the two may land in either order.
   */
  private static final String RECORD_REPROCESS_OUTCOME =
      """
      UPDATE payment_events_quarantine SET
          reprocess_outcome = :outcome,
          reprocess_note = :note
      WHERE dlq_topic = :topic AND dlq_partition = :partition AND dlq_offset = :offset
        AND (reprocess_outcome IS DISTINCT FROM 'persist_rejected' OR :outcome = 'persist_rejected')
      """;

  private static final String ROW_EXISTS =
      """
      SELECT count(*) FROM payment_events_quarantine
      WHERE dlq_topic = :topic AND dlq_partition = :partition AND dlq_offset = :offset
      """;

  private final JdbcClient jdbc;

  QuarantineRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the row unless the record it came from is already stored. */
  WriteOutcome insert(QuarantineRow row) {
    int inserted = jdbc.sql(INSERT).paramSource(row).update();
    return inserted == 1 ? WriteOutcome.INSERTED : WriteOutcome.DUPLICATE;
  }

  /** Writes the decision onto the row read at {@code readAt}; false when there is no such row. */
  boolean recordReview(KafkaCoordinates readAt, ReviewDecision decision) {
    int updated =
        jdbc.sql(RECORD_REVIEW)
            .param("resolution", decision.resolution().columnValue())
            .param("reviewer", sanitized(decision.reviewer()), Types.VARCHAR)
            .param("topic", readAt.topic())
            .param("partition", readAt.partition())
            .param("offset", readAt.offset())
            .update();
    return updated > 0;
  }

  /**
   * Writes a reprocess outcome onto the row read at {@code readAt}; false when there is no such
   * row. A row whose reprocess was refused keeps that outcome.
   */
  boolean recordReprocessOutcome(KafkaCoordinates readAt, ReprocessOutcome outcome) {
    int updated =
        jdbc.sql(RECORD_REPROCESS_OUTCOME)
            .param("outcome", outcome.code())
            .param("note", sanitized(outcome.note()), Types.VARCHAR)
            .param("topic", readAt.topic())
            .param("partition", readAt.partition())
            .param("offset", readAt.offset())
            .update();
    return updated > 0
        || jdbc.sql(ROW_EXISTS)
                .param("topic", readAt.topic())
                .param("partition", readAt.partition())
                .param("offset", readAt.offset())
                .query(Integer.class)
                .single()
            > 0;
  }

  /** Descriptive text this system writes never fails on a character PostgreSQL refuses. */
  private static String sanitized(String text) {
    return text == null ? null : StorableText.sanitized(text);
  }
}
