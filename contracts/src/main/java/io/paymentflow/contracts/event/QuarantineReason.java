package io.paymentflow.contracts.event;

/**
 * Why this system keeps a record in {@code payment_events_quarantine} ({@code failure_reason};
 * CONTRACTS section 4). A quarantine payload from the DLQ topic keeps the normalizer's own reason.
 */
public enum QuarantineReason {
  /** The bridge: the record's bytes are not UTF-8. */
  INVALID_ENCODING,
  /** The bridge: not one JSON object. */
  INVALID_JSON,
  /** The bridge: a payment event with no usable event_id. */
  MISSING_EVENT_ID,
  /** The bridge: a field of the wrong type, or a value its column cannot hold (one error each). */
  INVALID_FIELD,
  /** The bridge: larger than its bound, as Kafka holds it or as Temporal would; not parsed. */
  RECORD_TOO_LARGE,
  /** The bridge: Temporal refused the workflow start for good (an invalid argument). */
  START_REJECTED,
  /** The payment workflow: PostgreSQL refused the event's row for good. */
  PERSIST_REJECTED
}
