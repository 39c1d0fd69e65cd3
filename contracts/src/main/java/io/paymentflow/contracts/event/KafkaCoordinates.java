package io.paymentflow.contracts.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a record was read: the identity of a Kafka record, and so an idempotency key. */
public record KafkaCoordinates(
    @JsonProperty("topic") String topic,
    @JsonProperty("partition") int partition,
    @JsonProperty("offset") long offset) {

  @Override
  public String toString() {
    return topic + "-" + partition + "-" + offset;
  }
}
