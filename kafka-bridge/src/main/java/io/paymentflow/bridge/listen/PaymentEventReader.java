package io.paymentflow.bridge.listen;

import io.paymentflow.bridge.poison.Poison;
import io.paymentflow.bridge.poison.PoisonRecordException;
import io.paymentflow.contracts.event.FieldError;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.QuarantineReason;
import io.paymentflow.contracts.event.StorableEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a normalized payment event (CONTRACTS 1.1) strictly: every present field must have its
 * contract type (amount_cents an integer, never a decimal or a string; timestamps ISO-8601 with an
 * offset; metadata an object), unknown fields are ignored.
 *
 * <p>Once every field has its type, the values are checked against the columns that will hold them
 * ({@link StorableEvent}: lengths, ranges, characters PostgreSQL refuses), one error per field.
 * event_id decides the failure reason: absent, null or blank is {@code MISSING_EVENT_ID}; any other
 * problem is {@code INVALID_FIELD}. The quarantine row keeps the event id only when it is usable.
 */
final class PaymentEventReader {

  static PaymentEvent read(String text) throws PoisonRecordException {
    JsonFields f = JsonFields.parseObject(text);
    PaymentEvent event =
        new PaymentEvent(
            f.text("event_id"),
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
            f.text("provider_created_at"),
            f.text("processed_at"),
            f.int32("schema_version"));
    List<FieldError> errors = new ArrayList<>(f.errors());
    boolean typed = errors.isEmpty();
    // Values are checked against the columns once every field has its type.
    if (typed) {
      errors.addAll(StorableEvent.problems(event));
    } else if (f.isAbsentOrBlank("event_id")) {
      errors.add(0, StorableEvent.eventIdProblem(null));
    }
    if (errors.isEmpty()) {
      return event;
    }
    // The event id's problem, when it has one, comes first: it is the reason's.
    boolean missingEventId = FieldError.MISSING_EVENT_ID.equals(errors.get(0).code());
    throw poison(
        missingEventId ? QuarantineReason.MISSING_EVENT_ID : QuarantineReason.INVALID_FIELD,
        errors,
        f);
  }

  private static PoisonRecordException poison(
      QuarantineReason reason, List<FieldError> errors, JsonFields f) {
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
