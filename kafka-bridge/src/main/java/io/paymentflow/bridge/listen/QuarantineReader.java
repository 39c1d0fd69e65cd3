package io.paymentflow.bridge.listen;

import io.paymentflow.bridge.poison.Poison;
import io.paymentflow.bridge.poison.PoisonRecordException;
import io.paymentflow.contracts.event.FieldError;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PayloadEncoding;
import io.paymentflow.contracts.event.QuarantineReason;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.event.StorableQuarantine;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a quarantine payload from the DLQ topic (CONTRACTS 1.2) strictly, adding where the bridge
 * read it. event_id may be null or blank (the normalizer could not tell); every present field must
 * have its contract type, original_payload must be there, since it is the point of the row, and
 * every value must be one the row can hold exactly ({@link StorableQuarantine}). A payload that
 * fails this is itself quarantined ({@code INVALID_FIELD}) with the whole DLQ record as its
 * original_payload, so nothing the normalizer wrote is lost or changed.
 */
final class QuarantineReader {

  static QuarantinedRecord read(String text, KafkaCoordinates readAt) throws PoisonRecordException {
    JsonFields f = JsonFields.parseObject(text);
    String eventId = f.text("event_id");
    String originalPayload = f.text("original_payload");
    if (originalPayload == null && f.errors().stream().noneMatch(e -> isOriginal(e.field()))) {
      f.invalid("original_payload", "MISSING_FIELD", "original_payload is missing");
    }
    QuarantinedRecord record =
        new QuarantinedRecord(
            eventId == null || eventId.isBlank() ? null : eventId,
            f.text("provider"),
            f.text("provider_event_id"),
            originalPayload,
            PayloadEncoding.UTF8,
            f.fieldErrors("validation_errors"),
            f.text("failure_reason"),
            f.text("source_topic"),
            f.int32("kafka_partition"),
            f.integer("kafka_offset"),
            f.text("quarantined_at"),
            f.int32("schema_version"),
            readAt,
            null);
    List<FieldError> errors = new ArrayList<>(f.errors());
    if (errors.isEmpty()) {
      errors.addAll(StorableQuarantine.problems(record));
    }
    if (!errors.isEmpty()) {
      throw new PoisonRecordException(
          new Poison(
              QuarantineReason.INVALID_FIELD,
              errors,
              f.usableText("event_id"),
              f.usableText("provider"),
              f.usableText("provider_event_id")));
    }
    return record;
  }

  private static boolean isOriginal(String field) {
    return "original_payload".equals(field);
  }

  private QuarantineReader() {}
}
