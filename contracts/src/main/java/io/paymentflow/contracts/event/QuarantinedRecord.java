package io.paymentflow.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A record for operator review: either a quarantine payload the normalizer wrote to the DLQ topic
 * (CONTRACTS section 1.2), or a poison record the bridge could not read (section 4).
 *
 * @param sourceTopic where the normalizer read the raw message, when known
 * @param readAt where the bridge read this record; unique, so it is the idempotency key of the row
 * @param rejectedEvent for {@code PERSIST_REJECTED}, the event as its workflow received it: the
 *     database worker writes it as {@code original_payload} (null otherwise)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuarantinedRecord(
    @JsonProperty("event_id") String eventId,
    @JsonProperty("provider") String provider,
    @JsonProperty("provider_event_id") String providerEventId,
    @JsonProperty("original_payload") String originalPayload,
    @JsonProperty("payload_encoding") PayloadEncoding payloadEncoding,
    @JsonProperty("validation_errors") List<FieldError> validationErrors,
    @JsonProperty("failure_reason") String failureReason,
    @JsonProperty("source_topic") String sourceTopic,
    @JsonProperty("kafka_partition") Integer kafkaPartition,
    @JsonProperty("kafka_offset") Long kafkaOffset,
    @JsonProperty("quarantined_at") String quarantinedAt,
    @JsonProperty("schema_version") Integer schemaVersion,
    @JsonProperty("read_at") KafkaCoordinates readAt,
    @JsonProperty("rejected_event") PaymentEvent rejectedEvent) {

  public QuarantinedRecord {
    payloadEncoding = payloadEncoding == null ? PayloadEncoding.UTF8 : payloadEncoding;
    validationErrors = validationErrors == null ? List.of() : List.copyOf(validationErrors);
    failureReason = failureReason == null ? "UNKNOWN_ERROR" : failureReason;
    schemaVersion = schemaVersion == null ? 1 : schemaVersion;
  }

  /**
   * An event whose {@code payment_events} row PostgreSQL refused for good ({@code
   * PERSIST_REJECTED}), kept at the coordinates the bridge read it from.
   *
   * @param reason the database worker's message, kept as the row's validation error
   * @param quarantinedAt when the workflow gave up on the row, ISO-8601
   */
  public static QuarantinedRecord persistRejected(
      PaymentEvent event, KafkaCoordinates readAt, String reason, String quarantinedAt) {
    return new QuarantinedRecord(
        event.eventId(),
        event.provider(),
        event.providerEventId(),
        null,
        PayloadEncoding.UTF8,
        List.of(
            new FieldError(
                "payment_events",
                QuarantineReason.PERSIST_REJECTED.name(),
                StorableText.sanitized(reason))),
        QuarantineReason.PERSIST_REJECTED.name(),
        null,
        null,
        null,
        quarantinedAt,
        event.schemaVersion(),
        readAt,
        event);
  }
}
