package io.paymentflow.workflow.review;

import io.paymentflow.contracts.event.PaymentEvent;
import io.paymentflow.contracts.review.Resolution;
import io.paymentflow.contracts.review.ReviewDecision;

/** Which operator decisions a review accepts. Pure, so the signal handler stays deterministic. */
final class ReviewDecisions {

  private ReviewDecisions() {}

  /** Why {@code decision} cannot be acted on, or null when it can. */
  static String problem(ReviewDecision decision) {
    if (decision == null || decision.resolution() == null) {
      return "no resolution";
    }
    if (decision.resolution() == Resolution.EXPIRED) {
      return "expired is set by the review window, not by an operator";
    }
    if (decision.reviewer() == null || decision.reviewer().isBlank()) {
      return "no reviewer";
    }
    if (decision.resolution() == Resolution.REPROCESS) {
      PaymentEvent corrected = decision.correctedEvent();
      if (corrected == null) {
        return "reprocess without a corrected event";
      }
      String eventId = corrected.eventId();
      if (eventId == null
          || eventId.isBlank()
          || eventId.length() > PaymentEvent.MAX_EVENT_ID_LENGTH) {
        return "corrected event has no usable event_id";
      }
    }
    return null;
  }
}
