package io.paymentflow.localrun;

/**
 * One record the demo publishes.
 *
 * @param eventId the payment event id for {@link Kind#PAYMENT} and {@link Kind#DUPLICATE}, else
 *     null
 */
public record DemoRecord(Kind kind, String topic, byte[] key, byte[] value, String eventId) {

  public enum Kind {
    /** A payment event seen for the first time: must end as one payment_events row. */
    PAYMENT,
    /** A payment event sent again: must end as nothing new. */
    DUPLICATE,
    /** Unreadable on the input topic: must end as one quarantine row. */
    POISON,
    /** A normalizer's quarantine payload on the DLQ topic: must end as one quarantine row. */
    DLQ_PAYLOAD
  }
}
