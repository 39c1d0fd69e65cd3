package io.paymentflow.persistence;

import io.paymentflow.contracts.event.FieldError;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PayloadEncoding;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.event.StorableEvent;
import io.paymentflow.contracts.event.StorableText;
import io.paymentflow.contracts.event.StorableTimestamp;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;

/**
 * The column values of one {@code payment_events_quarantine} row, named as the insert's parameters.
 *
 * <p>A quarantine row is the last place a bad record is kept, so no content may keep it from being
 * written. The bridge refuses what {@code StorableQuarantine} cannot store exactly, so these are
 * last resorts: a payload PostgreSQL text cannot hold ({@link StorableText}) is stored as base64 of
 * its UTF-8 bytes with the flag saying so; the short descriptive columns get U+FFFD instead; an
 * event id no workflow could have is left out (the payload still has it); a quarantined_at that is
 * no storable timestamp falls back to now(). A refused payment event is written as its JSON with
 * every non-ASCII character escaped: exact, and always storable; should even that fail, as its Java
 * text, so that no content can ever keep the row from being written.
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
    String dlqRecordHash,
    OffsetDateTime quarantinedAt,
    Integer schemaVersion) {

  static QuarantineRow of(QuarantinedRecord record, JsonColumns json) {
    RowChecks.require(record != null, "the quarantined record is missing");
    KafkaCoordinates readAt = record.readAt();
    RowChecks.require(
        readAt != null && readAt.topic() != null,
        "the quarantined record has no read_at coordinates, its idempotency key");
    String payload =
        record.rejectedEvent() != null ? rejectedEventText(record, json) : record.originalPayload();
    PayloadEncoding encoding = record.payloadEncoding();
    if (encoding == PayloadEncoding.UTF8 && StorableText.problem(payload) != null) {
      payload = Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
      encoding = PayloadEncoding.BASE64;
    }
    List<FieldError> errors =
        record.validationErrors().stream()
            .map(e -> new FieldError(clean(e.field()), clean(e.code()), clean(e.message())))
            .toList();
    return new QuarantineRow(
        StorableEvent.eventIdProblem(record.eventId()) == null ? record.eventId() : null,
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
        recordHash(readAt),
        StorableTimestamp.problem(record.quarantinedAt()) == null
            ? StorableTimestamp.parse(record.quarantinedAt())
            : null,
        record.schemaVersion());
  }

  /** The column value of {@code readAt}'s record hash: '' for coordinates from before it. */
  static String recordHash(KafkaCoordinates readAt) {
    return readAt.recordHash() == null ? "" : readAt.recordHash();
  }

  private static String rejectedEventText(QuarantinedRecord record, JsonColumns json) {
    try {
      return json.writeAscii(record.rejectedEvent());
    } catch (RuntimeException unwritable) {
      return String.valueOf(record.rejectedEvent());
    }
  }

  private static String clean(String value) {
    return value == null ? null : StorableText.sanitized(value);
  }
}
