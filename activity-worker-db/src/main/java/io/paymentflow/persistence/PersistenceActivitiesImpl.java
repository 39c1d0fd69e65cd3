package io.paymentflow.persistence;

import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.persistence.EnrichedPaymentEvent;
import io.paymentflow.contracts.persistence.PersistenceActivities;
import io.paymentflow.contracts.review.RecordedDecision;
import io.paymentflow.contracts.review.ReprocessOutcome;
import io.paymentflow.contracts.review.ReviewDecision;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The persistence activities. Every write is idempotent, so Temporal may run one any number of
 * times; no database error is swallowed: it propagates for Temporal to retry, unless {@link
 * DatabaseFailures} judges that no retry could ever succeed.
 */
@Component("persistenceActivitiesImpl")
class PersistenceActivitiesImpl implements PersistenceActivities {

  private static final Logger log = LoggerFactory.getLogger(PersistenceActivitiesImpl.class);
  private static final String MDC_EVENT_ID = "event_id";

  private final PaymentEventRepository paymentEvents;
  private final QuarantineRepository quarantine;
  private final JsonColumns json;
  private final WriteMetrics metrics;
  private final SocketTimeoutCheck socketTimeout;

  PersistenceActivitiesImpl(
      PaymentEventRepository paymentEvents,
      QuarantineRepository quarantine,
      JsonColumns json,
      WriteMetrics metrics,
      SocketTimeoutCheck socketTimeout) {
    this.paymentEvents = paymentEvents;
    this.quarantine = quarantine;
    this.json = json;
    this.metrics = metrics;
    this.socketTimeout = socketTimeout;
  }

  @Override
  public void persistPaymentEvent(EnrichedPaymentEvent event) {
    String eventId = event == null || event.event() == null ? null : event.event().eventId();
    withEventId(
        eventId,
        () ->
            write(
                WriteMetrics.PAYMENT_EVENTS,
                WriteMetrics.PERSIST_PAYMENT_EVENT,
                () -> paymentEvents.upsert(PaymentEventRow.of(event, json))));
  }

  @Override
  public RecordedDecision persistQuarantine(QuarantinedRecord record) {
    WriteOutcome outcome =
        withEventId(
            record == null ? null : record.eventId(),
            () ->
                write(
                    WriteMetrics.QUARANTINE,
                    WriteMetrics.PERSIST_QUARANTINE,
                    () -> quarantine.insert(QuarantineRow.of(record, json))));
    // A row written just now holds no decision; one that was there may (an earlier review's).
    return outcome == WriteOutcome.INSERTED ? null : decisionOn(record.readAt());
  }

  @Override
  public RecordedDecision recordReview(KafkaCoordinates readAt, ReviewDecision decision) {
    RowChecks.require(readAt != null && readAt.topic() != null, "no quarantine row coordinates");
    RowChecks.require(
        decision != null && decision.resolution() != null, "the decision has no resolution");
    write(
        WriteMetrics.QUARANTINE,
        WriteMetrics.RECORD_REVIEW,
        () -> {
          if (!quarantine.recordReview(readAt, decision)) {
            // persistQuarantine runs before any review, so the row is late, not absent: retry.
            throw ApplicationFailure.newFailure(
                "no quarantine row for the record read at " + readAt,
                PersistenceFailures.QUARANTINE_ROW_MISSING);
          }
          return WriteOutcome.UPDATED;
        });
    RecordedDecision recorded = decisionOn(readAt);
    if (recorded != null && recorded.resolution() != decision.resolution()) {
      log.warn(
          "The quarantine row read at {} keeps its decision {}; not replaced by {}",
          readAt,
          recorded.resolution().columnValue(),
          decision.resolution().columnValue());
    }
    return recorded;
  }

  /** The decision on the row of the record read at {@code readAt}; null when it has none. */
  private RecordedDecision decisionOn(KafkaCoordinates readAt) {
    return quarantine
        .find(readAt)
        .filter(QuarantineRepository.Review::reviewed)
        .map(QuarantineRepository.Review::decision)
        .orElse(null);
  }

  @Override
  public void recordReprocessOutcome(KafkaCoordinates readAt, ReprocessOutcome outcome) {
    RowChecks.require(readAt != null && readAt.topic() != null, "no quarantine row coordinates");
    RowChecks.require(outcome != null && outcome.code() != null, "the outcome has no code");
    write(
        WriteMetrics.QUARANTINE,
        WriteMetrics.RECORD_REPROCESS_OUTCOME,
        () -> {
          if (!quarantine.recordReprocessOutcome(readAt, outcome)) {
            throw ApplicationFailure.newFailure(
                "no quarantine row for the record read at " + readAt,
                PersistenceFailures.QUARANTINE_ROW_MISSING);
          }
          return WriteOutcome.UPDATED;
        });
  }

  private WriteOutcome write(String table, String operation, Supplier<WriteOutcome> write) {
    socketTimeout.fits(startToClose());
    WriteOutcome outcome;
    try {
      outcome = metrics.record(table, operation, write);
    } catch (RuntimeException e) {
      RuntimeException failure = DatabaseFailures.forTemporal(e);
      if (failure instanceof ApplicationFailure a && a.isNonRetryable()) {
        log.error("{} on {} failed permanently: {}", operation, table, a.getOriginalMessage(), e);
      }
      throw failure;
    }
    log.debug("{} on {}: {}", operation, table, outcome.tag());
    return outcome;
  }

  /**
   * This attempt's start-to-close, as the workflow set it (CONTRACTS 2.4); null outside an
   * activity, where tests and tools call this bean directly.
   */
  private static Duration startToClose() {
    try {
      return Activity.getExecutionContext().getInfo().getStartToCloseTimeout();
    } catch (IllegalStateException notAnActivity) {
      return null;
    }
  }

  private static <T> T withEventId(String eventId, Supplier<T> work) {
    if (eventId == null) {
      return work.get();
    }
    try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_EVENT_ID, eventId)) {
      return work.get();
    }
  }
}
