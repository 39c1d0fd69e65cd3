package io.paymentflow.localrun;

import io.paymentflow.localrun.DemoRecord.Kind;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A progress line every second while a stream is published and drained, and the wait for every
 * record to land. Counting failures (a database outage) show on the line and do not end the wait.
 */
final class DemoProgress implements AutoCloseable {

  private final RowCounter counter;
  private final String marker;
  private final int total;
  private final PrintStream out;
  private final ScheduledExecutorService ticker;
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicReference<List<RowCounter.Coordinates>> quarantineBound =
      new AtomicReference<>(List.of());
  private final long startNanos = System.nanoTime();
  private long landed;

  DemoProgress(RowCounter counter, String marker, int total, PrintStream out) {
    this.counter = counter;
    this.marker = marker;
    this.total = total;
    this.out = out;
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "demo-progress");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleAtFixedRate(this::print, 1, 1, TimeUnit.SECONDS);
  }

  void sent() {
    sent.incrementAndGet();
  }

  private synchronized void print() {
    try {
      long rows = counter.paymentRows(marker);
      long quarantined = counter.quarantineRows(quarantineBound.get());
      long before = landed;
      landed = rows + quarantined;
      out.printf(
          "  %5.0fs  sent %d/%d  persisted %d  quarantined %d  (+%d/s)%n",
          (System.nanoTime() - startNanos) / 1e9,
          sent.get(),
          total,
          rows,
          quarantined,
          landed - before);
    } catch (SQLException e) {
      out.printf("  (rows cannot be counted right now: %s)%n", e.getMessage());
    }
  }

  /** Waits until every record has landed, or the timeout passes; then reconciles. */
  Reconciliation awaitDrained(PublishedStream stream, Duration timeout)
      throws InterruptedException, SQLException {
    quarantineBound.set(stream.quarantineBound());
    long payments = stream.count(Kind.PAYMENT);
    long quarantined = stream.quarantineBound().size();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && !drained(payments, quarantined)) {
      TimeUnit.MILLISECONDS.sleep(250);
    }
    ticker.shutdownNow();
    print();
    return new Reconciliation(
        stream.records().size(),
        (int) payments,
        (int) stream.count(Kind.DUPLICATE),
        (int) stream.count(Kind.POISON),
        (int) stream.count(Kind.DLQ_PAYLOAD),
        counter.paymentRows(marker),
        counter.quarantineRows(stream.quarantineBound()),
        counter.duplicateRows(marker));
  }

  private boolean drained(long payments, long quarantined) {
    try {
      return counter.paymentRows(marker) >= payments
          && counter.quarantineRows(quarantineBound.get()) >= quarantined;
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
