package io.paymentflow.workflow.payment;

import io.paymentflow.contracts.payment.EnrichmentError;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;

/** Turns an enrichment call that failed for good into the note persisted with the event. */
final class EnrichmentFailures {

  private EnrichmentFailures() {}

  /**
   * The type is what the activity worker classified the failure as (the {@code ApplicationFailure}
   * type, e.g. an HTTP failure class), else the kind of Temporal failure, e.g. a timeout. Its text
   * is made storable ({@link EnrichmentError#storable}): it may echo what the service sent.
   */
  static EnrichmentError describe(String enrichment, ActivityFailure failure) {
    return raw(enrichment, failure).storable();
  }

  private static EnrichmentError raw(String enrichment, ActivityFailure failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof ApplicationFailure application) {
      return new EnrichmentError(
          enrichment, application.getType(), application.getOriginalMessage());
    }
    if (cause instanceof TemporalFailure temporal) {
      return new EnrichmentError(
          enrichment, temporal.getClass().getSimpleName(), temporal.getOriginalMessage());
    }
    return new EnrichmentError(
        enrichment, ActivityFailure.class.getSimpleName(), failure.getOriginalMessage());
  }
}
