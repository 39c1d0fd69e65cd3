package io.paymentflow.contracts.payment;

import io.paymentflow.contracts.event.KafkaCoordinates;

/**
 * Workflow ids (CONTRACTS section 2.1). They are the idempotency keys of the whole system: the same
 * event always maps to the same id, so Temporal's id policies turn a redelivery into a no-op.
 */
public final class WorkflowIds {

  private WorkflowIds() {}

  /** {@code payment-{event_id}}. */
  public static String payment(String eventId) {
    return "payment-" + eventId;
  }

  /**
   * {@code dlq-review-{event_id}}, or {@code dlq-review-{topic}-{partition}-{offset}} of the record
   * the bridge read when the event id is unknown.
   */
  public static String review(String eventId, KafkaCoordinates readAt) {
    return eventId == null || eventId.isBlank() ? "dlq-review-" + readAt : "dlq-review-" + eventId;
  }
}
