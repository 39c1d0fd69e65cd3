package io.paymentflow.contracts.event;

import java.util.ArrayList;
import java.util.List;

/**
 * What makes a quarantine payload from the DLQ topic (CONTRACTS section 1.2) one {@code
 * payment_events_quarantine} row exactly as the normalizer wrote it (changeset 002): its event id,
 * when it has one, follows {@link StorableEvent}'s rule, every text is {@link StorableText}, and
 * {@code quarantined_at} is a {@link StorableTimestamp}. The bridge quarantines a payload that
 * breaks a rule as a record of its own ({@code INVALID_FIELD}), with the whole DLQ record kept as
 * its original payload, so nothing the normalizer wrote is changed or lost.
 */
public final class StorableQuarantine {

  private StorableQuarantine() {}

  /** Every rule {@code record} breaks; empty when it can be stored as it is. */
  public static List<FieldError> problems(QuarantinedRecord record) {
    List<FieldError> problems = new ArrayList<>();
    if (record.eventId() != null) {
      FieldError eventId = StorableEvent.eventIdProblem(record.eventId());
      if (eventId != null) {
        problems.add(eventId);
      }
    }
    text(problems, "provider", record.provider());
    text(problems, "provider_event_id", record.providerEventId());
    text(problems, "original_payload", record.originalPayload());
    for (int i = 0; i < record.validationErrors().size(); i++) {
      FieldError error = record.validationErrors().get(i);
      String at = "validation_errors[" + i + "]";
      text(problems, at + ".field", error.field());
      text(problems, at + ".code", error.code());
      text(problems, at + ".message", error.message());
    }
    text(problems, "failure_reason", record.failureReason());
    text(problems, "source_topic", record.sourceTopic());
    String timestamp = StorableTimestamp.problem(record.quarantinedAt());
    if (timestamp != null) {
      problems.add(
          new FieldError(
              "quarantined_at",
              timestamp,
              "quarantined_at " + record.quarantinedAt() + " is no storable timestamp"));
    }
    return problems;
  }

  private static void text(List<FieldError> problems, String field, String value) {
    StorableText.check(problems, field, value);
  }
}
