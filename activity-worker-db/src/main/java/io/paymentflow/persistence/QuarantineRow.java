package io.paymentflow.persistence;

import io.paymentflow.contracts.event.FieldError;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PayloadEncoding;
import io.paymentflow.contracts.event.QuarantinedRecord;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;

/**
 * The column values of one {@code payment_events_quarantine} row, named as the insert's parameters.
 *
 * <p>A quarantine row is the last place a bad record is kept, so it must always be writable.
 * PostgreSQL text cannot hold NUL (U+0000): a UTF-8 payload containing one is stored as base64 of
 * its UTF-8 bytes, with the flag saying so (still exactly the bytes received), and NUL in the short
 * descriptive columns becomes U+FFFD. A quarantined_at that does not parse falls back to now().
 */
record QuarantineRow(
    String eventId,
    String provider,
    String providerEventId,
    String originalPayload,
    String payloadEncoding,
    String validationErrors,
    String failureReason,
    String sourceTopic,
    Integer kafkaPartition,
    Long kafkaOffset,
    String dlqTopic,
    int dlqPartition,
    long dlqOffset,
    OffsetDateTime quarantinedAt,
    Integer schemaVersion) {

  private static final char NUL = '\u0000';
  private static final String REPLACEMENT = "\uFFFD";

  static QuarantineRow of(QuarantinedRecord record, JsonColumns json) {
    RowChecks.require(record != null, "the quarantined record is missing");
    KafkaCoordinates readAt = record.readAt();
    RowChecks.require(
        readAt != null && readAt.topic() != null,
        "the quarantined record has no read_at coordinates, its idempotency key");
    String payload = record.originalPayload();
    PayloadEncoding encoding = record.payloadEncoding();
    if (encoding == PayloadEncoding.UTF8 && payload != null && payload.indexOf(NUL) >= 0) {
      payload = Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
      encoding = PayloadEncoding.BASE64;
    }
    List<FieldError> errors =
        record.validationErrors().stream()
            .map(e -> new FieldError(clean(e.field()), clean(e.code()), clean(e.message())))
            .toList();
    return new QuarantineRow(
        clean(record.eventId()),
        clean(record.provider()),
        clean(record.providerEventId()),
        payload,
        encoding.columnValue(),
        json.write(errors),
        clean(record.failureReason()),
        clean(record.sourceTopic()),
        record.kafkaPartition(),
        record.kafkaOffset(),
        readAt.topic(),
        readAt.partition(),
        readAt.offset(),
        Timestamps.parseOrNull(record.quarantinedAt()),
        record.schemaVersion());
  }

  private static String clean(String value) {
    return value == null ? null : value.replace(String.valueOf(NUL), REPLACEMENT);
  }
}
