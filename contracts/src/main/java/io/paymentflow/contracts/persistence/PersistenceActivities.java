package io.paymentflow.contracts.persistence;

import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.review.ReprocessOutcome;
import io.paymentflow.contracts.review.ReviewDecision;
import io.temporal.activity.ActivityInterface;

/**
 * Writes to PostgreSQL (CONTRACTS section 5), run by the database worker on the persistence task
 * queue. Every method is idempotent, so Temporal may retry it freely; none swallows a database
 * error. Activity types: {@code PersistPaymentEvent}, {@code PersistQuarantine}, {@code
 * RecordReview}, {@code RecordReprocessOutcome}.
 */
@ActivityInterface
public interface PersistenceActivities {

  /** Upserts on {@code event_id}: keeps ingested_at and loaded_to_iceberg of an existing row. */
  void persistPaymentEvent(EnrichedPaymentEvent event);

  /** Inserts once per {@code (dlq_topic, dlq_partition, dlq_offset)}. */
  void persistQuarantine(QuarantinedRecord record);

  /** Writes the operator's decision onto the quarantine row read at {@code readAt}. */
  void recordReview(KafkaCoordinates readAt, ReviewDecision decision);

  /** Writes what became of an operator's {@code reprocess} onto the row read at {@code readAt}. */
  void recordReprocessOutcome(KafkaCoordinates readAt, ReprocessOutcome outcome);
}
