package io.paymentflow.bridge.poison;

import io.paymentflow.contracts.event.FieldError;
import io.paymentflow.contracts.event.QuarantineReason;
import java.util.List;

/**
 * Why a record cannot be read, and what could still be read of it.
 *
 * @param errors every problem found, the first one being the reason's
 * @param eventId the record's event id when it follows {@code StorableEvent}'s event-id rule, else
 *     null: it becomes the quarantine row's event_id
 * @param provider best effort, null when absent or unusable
 * @param providerEventId best effort, null when absent or unusable
 */
public record Poison(
    QuarantineReason reason,
    List<FieldError> errors,
    String eventId,
    String provider,
    String providerEventId) {

  public Poison {
    errors = List.copyOf(errors);
  }

  /** A record of which nothing could be read. */
  public static Poison unreadable(QuarantineReason reason, String field, String message) {
    return new Poison(
        reason, List.of(new FieldError(field, reason.name(), message)), null, null, null);
  }
}
