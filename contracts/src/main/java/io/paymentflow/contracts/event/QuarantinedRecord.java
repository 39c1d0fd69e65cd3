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
    @JsonProperty("read_at") KafkaCoordinates readAt) {

  public QuarantinedRecord {
    payloadEncoding = payloadEncoding == null ? PayloadEncoding.UTF8 : payloadEncoding;
    validationErrors = validationErrors == null ? List.of() : List.copyOf(validationErrors);
    failureReason = failureReason == null ? "UNKNOWN_ERROR" : failureReason;
    schemaVersion = schemaVersion == null ? 1 : schemaVersion;
  }
}
