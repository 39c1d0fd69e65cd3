package io.paymentflow.contracts.payment;

import io.paymentflow.contracts.event.KafkaCoordinates;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;

/**
 * Workflow ids and their policies (CONTRACTS section 2.1). The ids are the idempotency keys of the
 * whole system: the same event always maps to the same payment workflow, the same Kafka record to
 * the same review, so Temporal's id policies turn a redelivery into a no-op.
 */
public final class WorkflowIds {

  /** A start whose workflow is running joins it instead of starting another. */
  public static final WorkflowIdConflictPolicy CONFLICT_POLICY =
      WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING;

  /**
   * A start whose workflow completed is refused ({@code WorkflowExecutionAlreadyStarted}: the event
   * was processed, so it is a duplicate); one whose workflow failed, timed out, was cancelled or
   * terminated runs again, so that such an event can be processed by delivering it again.
   */
  public static final WorkflowIdReusePolicy REUSE_POLICY =
      WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY;

  /**
   * The reprocess of an event whose row PostgreSQL refused ({@code PERSIST_REJECTED}) runs its
   * corrected event even though {@code payment-{event_id}} completed: that workflow completed by
   * keeping the event for review, and the operator's correction is what it waits for.
   */
  public static final WorkflowIdReusePolicy REPROCESS_OF_REFUSED_REUSE_POLICY =
      WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE;

  /** The longest workflow id Temporal's SQL persistence stores. */
  public static final int MAX_LENGTH = 255;

  private static final String PAYMENT_PREFIX = "payment-";
  private static final String REVIEW_PREFIX = "dlq-review-";

  /**
   * The longest topic name whose review ids fit {@link #MAX_LENGTH} at any partition and offset:
   * 255, less {@code dlq-review-} (11) and three dashes, less 10 digits of partition, 19 of offset
   * and the record's 16-digit hash. (A constant, for the bridge's validation message.)
   */
  public static final int MAX_TOPIC_LENGTH = 196;

  private WorkflowIds() {}

  /** {@code payment-{event_id}}. */
  public static String payment(String eventId) {
    return PAYMENT_PREFIX + eventId;
  }

  /** The event id of a payment workflow's id, or null for any other id. */
  public static String eventIdOf(String workflowId) {
    return workflowId != null && workflowId.startsWith(PAYMENT_PREFIX)
        ? workflowId.substring(PAYMENT_PREFIX.length())
        : null;
  }

  /**
   * {@code dlq-review-{topic}-{partition}-{offset}-{record_hash}} of the record the bridge read:
   * one review, and one quarantine row, per Kafka record, whatever event id it carries, also when a
   * re-created topic or another cluster hands out the same offset again. Coordinates from before
   * the hash existed keep the id they had, {@code dlq-review-{topic}-{partition}-{offset}}.
   */
  public static String review(KafkaCoordinates readAt) {
    String coordinates = REVIEW_PREFIX + readAt;
    return readAt.recordHash() == null ? coordinates : coordinates + "-" + readAt.recordHash();
  }
}
