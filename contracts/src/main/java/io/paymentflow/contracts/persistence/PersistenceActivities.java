package io.paymentflow.contracts.persistence;

import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.review.RecordedDecision;
import io.paymentflow.contracts.review.ReprocessOutcome;
import io.paymentflow.contracts.review.ReviewDecision;
import io.temporal.activity.ActivityInterface;

/**
 * Writes to PostgreSQL (CONTRACTS section 5), run by the database worker on the persistence task
 * queue. Every method is idempotent, so Temporal may retry it freely; none swallows a database
 * error. Activity types: {@code PersistPaymentEvent}, {@code PersistQuarantine}, {@code
 * RecordReview}, {@code RecordReprocessOutcome}.
 *
 * <p>The two that return a {@link RecordedDecision} returned nothing before; a workflow that called
 * them then reads null, which it takes as "no decision on the row".
 */
@ActivityInterface
public interface PersistenceActivities {

  /**
   * Upserts on {@code event_id}: keeps ingested_at of an existing row; a row whose content changes
   * is marked for the loader again, one whose content does not change is left as it is.
   */
  void persistPaymentEvent(EnrichedPaymentEvent event);

  /**
   * Inserts once per record ({@code dlq_topic, dlq_partition, dlq_offset, dlq_record_hash}).
   *
   * @return the decision the record's row already holds (it was written by an earlier review of the
   *     same record), else null
   */
  RecordedDecision persistQuarantine(QuarantinedRecord record);

  /**
   * Writes the decision onto the quarantine row of the record read at {@code readAt}, unless an
   * operator's decision is there already: a decided row is never decided again, and {@code expired}
   * never replaces anything.
   *
   * @return the decision the row holds afterwards: {@code decision} when it was written (or was
   *     there), else the one that was there first
   */
  RecordedDecision recordReview(KafkaCoordinates readAt, ReviewDecision decision);

  /** Writes what became of an operator's {@code reprocess} onto the row read at {@code readAt}. */
  void recordReprocessOutcome(KafkaCoordinates readAt, ReprocessOutcome outcome);
}
