package io.paymentflow.bridge.listen;

import io.paymentflow.bridge.poison.Poison;
import io.paymentflow.bridge.poison.PoisonRecordException;
import io.paymentflow.contracts.event.FieldError;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.PoisonReason;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a normalized payment event (CONTRACTS 1.1) strictly: every present field must have its
 * contract type (amount_cents an integer, never a decimal or a string; timestamps ISO-8601 with an
 * offset; metadata an object), unknown fields are ignored.
 *
 * <p>event_id decides the failure reason: absent, null or blank is {@code MISSING_EVENT_ID}; any
 * other unusable value (not a string, longer than 255 characters, which neither the workflow id nor
 * the {@code event_id} column can hold) is {@code INVALID_FIELD}. Either way the quarantine row
 * gets no event id, and its review workflow is keyed by the Kafka coordinates.
 */
final class PaymentEventReader {

  static PaymentEvent read(String text) throws PoisonRecordException {
    JsonFields f = JsonFields.parseObject(text);
    String eventId = f.text("event_id");
    boolean missingEventId = eventId == null || eventId.isBlank();
    if (!missingEventId && eventId.length() > PaymentEvent.MAX_EVENT_ID_LENGTH) {
      f.invalid(
          "event_id",
          "TOO_LONG",
          "event_id has " + eventId.length() + " characters, at most 255 are allowed");
    }
    PaymentEvent event =
        new PaymentEvent(
            eventId,
            f.text("provider"),
            f.text("provider_event_id"),
            f.text("event_type"),
            f.text("merchant_id"),
            f.text("customer_id"),
            f.integer("amount_cents"),
            f.text("currency"),
            f.text("payment_method_type"),
            f.text("card_brand"),
            f.text("card_last_four"),
            f.text("status"),
            f.text("failure_code"),
            f.text("failure_message"),
            f.object("metadata"),
            f.timestamp("provider_created_at"),
            f.timestamp("processed_at"),
            f.int32("schema_version"));
    if (missingEventId && f.errors().stream().noneMatch(e -> "event_id".equals(e.field()))) {
      List<FieldError> errors = new ArrayList<>();
      errors.add(new FieldError("event_id", "MISSING_EVENT_ID", "event_id is missing or blank"));
      errors.addAll(f.errors());
      throw poison(PoisonReason.MISSING_EVENT_ID, errors, f);
    }
    if (!f.errors().isEmpty()) {
      throw poison(PoisonReason.INVALID_FIELD, f.errors(), f);
    }
    return event;
  }

  private static PoisonRecordException poison(
      PoisonReason reason, List<FieldError> errors, JsonFields f) {
    return new PoisonRecordException(
        new Poison(
            reason,
            errors,
            f.usableText("event_id"),
            f.usableText("provider"),
            f.usableText("provider_event_id")));
  }

  private PaymentEventReader() {}
}
