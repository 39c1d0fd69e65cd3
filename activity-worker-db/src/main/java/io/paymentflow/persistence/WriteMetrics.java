package io.paymentflow.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * {@code persistence.write}: a timer per table and outcome; {@code persistence.duplicates}: writes
 * that found their row already there. Replays are normal in a retrying system, but a rising rate
 * says something upstream redelivers more than it should.
 */
@Component
class WriteMetrics {

  static final String PAYMENT_EVENTS = "payment_events";
  static final String QUARANTINE = "payment_events_quarantine";

  static final String PERSIST_PAYMENT_EVENT = "persist_payment_event";
  static final String PERSIST_QUARANTINE = "persist_quarantine";
  static final String RECORD_REVIEW = "record_review";
  static final String RECORD_REPROCESS_OUTCOME = "record_reprocess_outcome";

  private final MeterRegistry registry;

  WriteMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Runs {@code write}, timing it under its outcome; a thrown failure is timed as failed. */
  WriteOutcome record(String table, String operation, Supplier<WriteOutcome> write) {
    Timer.Sample sample = Timer.start(registry);
    WriteOutcome outcome = WriteOutcome.FAILED;
    try {
      outcome = write.get();
      return outcome;
    } finally {
      sample.stop(
          Timer.builder("persistence.write")
              .description("Writes to PostgreSQL by the persistence activities")
              .tag("table", table)
              .tag("operation", operation)
              .tag("outcome", outcome.tag())
              .register(registry));
      if (isDuplicate(operation, outcome)) {
        Counter.builder("persistence.duplicates")
            .description("Writes of a row that was already stored (event or record replays)")
            .tag("table", table)
            .register(registry)
            .increment();
      }
    }
  }

  /** A review or a reprocess outcome updating its row is the expected path, not a replay. */
  private static boolean isDuplicate(String operation, WriteOutcome outcome) {
    return outcome == WriteOutcome.DUPLICATE
        || (outcome == WriteOutcome.UPDATED
            && !operation.equals(RECORD_REVIEW)
            && !operation.equals(RECORD_REPROCESS_OUTCOME));
  }
}
