package io.paymentflow.workflow.review;

import io.paymentflow.contracts.event.FieldError;
import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.event.StorableEvent;
import io.paymentflow.contracts.event.StorableText;
import io.paymentflow.contracts.review.Resolution;
import io.paymentflow.contracts.review.ReviewDecision;
import java.util.List;
import java.util.stream.Collectors;

/** Which operator decisions a review accepts. Pure, so the signal handler stays deterministic. */
final class ReviewDecisions {

  /** The event id bound of reviews begun before {@code StorableEvent} checked corrected events. */
  private static final int LEGACY_MAX_EVENT_ID_LENGTH = 255;

  private ReviewDecisions() {}

  /**
   * Why {@code decision} cannot be acted on, or null when it can.
   *
   * @param storable whether the corrected event must pass {@link StorableEvent} as the bridge's
   *     events do (every review from version 1 on), rather than only have an event id
   * @param bound whether the corrected event must be the reviewed record's own event: its event id,
   *     when the record has one (a record without one, a poison record, is given one by the
   *     operator). A decision can then never write another event's row.
   * @param record the reviewed record; null while the review has not read its input yet, when the
   *     caller checks the binding again once it has
   */
  static String problem(
      ReviewDecision decision, boolean storable, boolean bound, QuarantinedRecord record) {
    if (decision == null || decision.resolution() == null) {
      return "no resolution";
    }
    if (decision.resolution() == Resolution.EXPIRED) {
      return "expired is set by the review window, not by an operator";
    }
    if (decision.reviewer() == null || decision.reviewer().isBlank()) {
      return "no reviewer";
    }
    if (storable && StorableText.problem(decision.reviewer()) != null) {
      return "the reviewer's name holds a character PostgreSQL cannot store";
    }
    if (decision.resolution() != Resolution.REPROCESS) {
      return null;
    }
    PaymentEvent corrected = decision.correctedEvent();
    if (corrected == null) {
      return "reprocess without a corrected event";
    }
    if (bound
        && record != null
        && record.eventId() != null
        && !record.eventId().equals(corrected.eventId())) {
      return "the corrected event's event_id is not the reviewed record's: a decision applies to"
          + " its own record only";
    }
    if (storable) {
      List<FieldError> problems = StorableEvent.problems(corrected);
      return problems.isEmpty()
          ? null
          : "the corrected event cannot be stored: "
              + problems.stream()
                  .map(e -> e.field() + " " + e.code())
                  .collect(Collectors.joining(", "));
    }
    String eventId = corrected.eventId();
    return eventId == null || eventId.isBlank() || eventId.length() > LEGACY_MAX_EVENT_ID_LENGTH
        ? "corrected event has no usable event_id"
        : null;
  }
}
