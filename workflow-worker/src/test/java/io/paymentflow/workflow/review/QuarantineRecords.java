package io.paymentflow.workflow.review;

import io.paymentflow.contracts.event.FieldError;
import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.PayloadEncoding;
import io.paymentflow.contracts.event.QuarantinedRecord;
import java.util.List;

/** Quarantined records as the bridge hands them to a review. */
public final class QuarantineRecords {

  private QuarantineRecords() {}

  /** A DLQ payload the normalizer could not attribute to an event. */
  public static QuarantinedRecord unparseable(KafkaCoordinates readAt) {
    return new QuarantinedRecord(
        null,
        "stripe",
        null,
        "{\"id\":\"evt_broken\",\"data\":{\"object\":{\"currency\":\"???\"}}}",
        PayloadEncoding.UTF8,
        List.of(new FieldError("data.object.currency", "INVALID_CURRENCY", "not ISO 4217")),
        "INVALID_CURRENCY",
        "payments.raw.stripe",
        3,
        1042L,
        "2026-01-15T10:00:00Z",
        1,
        readAt,
        null);
  }
}
