package io.paymentflow.workflow.support;

import io.paymentflow.contracts.event.KafkaCoordinates;
import io.paymentflow.contracts.event.QuarantinedRecord;
import io.paymentflow.contracts.persistence.EnrichedPaymentEvent;
import io.paymentflow.contracts.persistence.PersistenceActivities;
import io.paymentflow.contracts.review.RecordedDecision;
import io.paymentflow.contracts.review.ReprocessOutcome;
import io.paymentflow.contracts.review.ReviewDecision;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the database worker on the persistence task queue, remembering every write, with
 * the real worker's rule for decisions: a row decided by an operator keeps that decision.
 */
public final class FakePersistence implements PersistenceActivities {

  /** One {@code recordReview} call. */
  public record Review(KafkaCoordinates readAt, ReviewDecision decision) {}

  /** One {@code recordReprocessOutcome} call. */
  public record Outcome(KafkaCoordinates readAt, ReprocessOutcome outcome) {}

  private final List<EnrichedPaymentEvent> events = new CopyOnWriteArrayList<>();
  private final List<QuarantinedRecord> quarantined = new CopyOnWriteArrayList<>();
  private final List<Review> reviews = new CopyOnWriteArrayList<>();
  private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
  private final Map<KafkaCoordinates, RecordedDecision> decided = new ConcurrentHashMap<>();
  private final AtomicInteger persistAttempts = new AtomicInteger();
  private volatile int failuresBeforeSuccess;
  private volatile boolean rejectPersist;
  private volatile CountDownLatch gate = new CountDownLatch(0);

  public void reset() {
    events.clear();
    quarantined.clear();
    reviews.clear();
    outcomes.clear();
    decided.clear();
    persistAttempts.set(0);
    failuresBeforeSuccess = 0;
    rejectPersist = false;
    gate = new CountDownLatch(0);
  }

  /**
   * Every {@code persistPaymentEvent} fails for good, as the database worker reports a row that
   * PostgreSQL refuses: a non-retryable failure of type PermanentDataError.
   */
  public void rejectPersist() {
    rejectPersist = true;
  }

  /** The next {@code count} attempts of {@code persistPaymentEvent} fail as a database error. */
  public void failPersist(int count) {
    failuresBeforeSuccess = count;
  }

  /** Holds {@code persistPaymentEvent} until {@link #release()}. */
  public void hold() {
    gate = new CountDownLatch(1);
  }

  public void release() {
    gate.countDown();
  }

  public int persistAttempts() {
    return persistAttempts.get();
  }

  public List<EnrichedPaymentEvent> events() {
    return List.copyOf(events);
  }

  public Optional<EnrichedPaymentEvent> event(String eventId) {
    return events.stream().filter(e -> eventId.equals(e.event().eventId())).findFirst();
  }

  public List<QuarantinedRecord> quarantined() {
    return List.copyOf(quarantined);
  }

  public List<Review> reviews() {
    return List.copyOf(reviews);
  }

  public List<Outcome> outcomes() {
    return List.copyOf(outcomes);
  }

  @Override
  public void persistPaymentEvent(EnrichedPaymentEvent event) {
    int attempt = persistAttempts.incrementAndGet();
    try {
      gate.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (rejectPersist) {
      throw ApplicationFailure.newNonRetryableFailure(
          "PostgreSQL rejected the data (SQLState 22021): invalid byte sequence for encoding"
              + " \"UTF8\": 0x00",
          "PermanentDataError");
    }
    if (attempt <= failuresBeforeSuccess) {
      throw new IllegalStateException("database unavailable (attempt " + attempt + ")");
    }
    events.add(event);
  }

  /** The row read at {@code readAt} holds {@code decision}, as if an earlier review wrote it. */
  public void decided(KafkaCoordinates readAt, RecordedDecision decision) {
    decided.put(readAt, decision);
  }

  @Override
  public RecordedDecision persistQuarantine(QuarantinedRecord record) {
    quarantined.add(record);
    return decided.get(record.readAt());
  }

  @Override
  public RecordedDecision recordReview(KafkaCoordinates readAt, ReviewDecision decision) {
    reviews.add(new Review(readAt, decision));
    RecordedDecision mine = new RecordedDecision(decision.resolution(), decision.reviewer());
    return decided.merge(readAt, mine, (first, second) -> first.byOperator() ? first : second);
  }

  @Override
  public void recordReprocessOutcome(KafkaCoordinates readAt, ReprocessOutcome outcome) {
    outcomes.add(new Outcome(readAt, outcome));
  }
}
