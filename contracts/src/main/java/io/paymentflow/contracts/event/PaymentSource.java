package io.paymentflow.contracts.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the event of a {@code PaymentEventWorkflow} came from, so that an event PostgreSQL refuses
 * is still kept (CONTRACTS section 2.2): as a quarantine row of its own at the Kafka coordinates
 * the bridge read it from, or, for an operator's reprocess, as the outcome on the reviewed row.
 *
 * @param readAt the Kafka record the bridge read, or the reviewed record's quarantine row
 * @param reprocess whether an operator's review decision started the workflow
 */
public record PaymentSource(
    @JsonProperty("read_at") KafkaCoordinates readAt,
    @JsonProperty("reprocess") boolean reprocess) {

  /** An event the bridge read at {@code readAt}. */
  public static PaymentSource kafka(KafkaCoordinates readAt) {
    return new PaymentSource(readAt, false);
  }

  /** The corrected event of the quarantine row read at {@code reviewed}. */
  public static PaymentSource reprocessOf(KafkaCoordinates reviewed) {
    return new PaymentSource(reviewed, true);
  }
}
