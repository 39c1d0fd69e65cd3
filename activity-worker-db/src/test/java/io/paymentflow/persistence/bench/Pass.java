package io.paymentflow.persistence.bench;

import io.micrometer.core.instrument.Timer;
import io.paymentflow.contracts.persistence.EnrichedPaymentEvent;
import io.paymentflow.contracts.persistence.PersistenceActivities;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One pass: {@code threads} callers of {@code persistPaymentEvent} share a list of events, each
 * taking the next until the list or the time runs out. Events are built before the clock starts;
 * mapping them to a row (JSON included) is part of the method, so it is timed.
 */
final class Pass {

  private final PersistenceActivities activities;
  private final Timer poolAcquire;
  private final Duration cap;

  /**
   * @param poolAcquire Hikari's acquire timer on the app's registry, or null if there is none
   * @param cap the most a pass may run; it then stops after the calls in flight
   */
  Pass(PersistenceActivities activities, Timer poolAcquire, Duration cap) {
    this.activities = activities;
    this.poolAcquire = poolAcquire;
    this.cap = cap;
  }

  /** Persists a prefix of {@code events}, as much as fits in the cap; its length is the rows. */
  Measurement run(List<EnrichedPaymentEvent> events, int threads) throws InterruptedException {
    long[] latencies = new long[events.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
    CountDownLatch go = new CountDownLatch(1);
    double waitBefore = acquireMillis();
    long acquiresBefore = acquires();
    ExecutorService callers = Executors.newFixedThreadPool(threads);
    long[] window = new long[1];
    for (int t = 0; t < threads; t++) {
      callers.execute(
          () -> {
            awaitQuietly(go);
            long deadline = window[0];
            int i;
            while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < events.size()) {
              long start = System.nanoTime();
              try {
                activities.persistPaymentEvent(events.get(i));
              } catch (RuntimeException e) {
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, e);
              }
              latencies[i] = System.nanoTime() - start;
            }
          });
    }
    long began = System.nanoTime();
    window[0] = began + cap.toNanos();
    go.countDown(); // publishes window[0] to the callers
    callers.shutdown();
    if (!callers.awaitTermination(cap.toSeconds() + 60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("callers still running a minute after the cap");
    }
    long elapsed = System.nanoTime() - began;
    if (firstFailure.get() != null) {
      System.err.printf("  %d calls failed; the first:%n", failures.get());
      firstFailure.get().printStackTrace();
    }
    int rows = Math.min(next.get(), events.size());
    long acquired = acquires() - acquiresBefore;
    double poolWait = acquired == 0 ? Double.NaN : (acquireMillis() - waitBefore) / acquired;
    return Measurement.of(threads, latencies, rows, elapsed, poolWait, failures.get());
  }

  private double acquireMillis() {
    return poolAcquire == null ? 0 : poolAcquire.totalTime(TimeUnit.MILLISECONDS);
  }

  private long acquires() {
    return poolAcquire == null ? 0 : poolAcquire.count();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
