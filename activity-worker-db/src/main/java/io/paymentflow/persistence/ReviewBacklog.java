package io.paymentflow.persistence;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Quarantine rows waiting for an operator, without SQL: {@code paymentflow.reviews.pending} (rows
 * not yet reviewed) and {@code paymentflow.reviews.oldest.pending.age} (how long the oldest has
 * waited, in seconds; 0 when none waits). The database worker owns the table, so it reports them.
 *
 * <p>The age is the database's own clock's, so the app's clock does not skew it. Counted on its own
 * thread every {@link #REFRESH}, not on each scrape, so a slow or absent database never slows a
 * scrape; while a count fails the gauges read NaN (unknown), not the last value. The partial index
 * on unreviewed rows keeps the count cheap.
 */
@Component
class ReviewBacklog implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ReviewBacklog.class);

  static final Duration REFRESH = Duration.ofSeconds(15);

  private static final String PENDING =
      """
      SELECT count(*) AS pending,
             coalesce(extract(epoch FROM now() - min(quarantined_at)), 0) AS oldest_age
        FROM payment_events_quarantine
       WHERE reviewed = false
      """;

  private record Snapshot(double pending, double oldestAgeSeconds) {
    static final Snapshot UNKNOWN = new Snapshot(Double.NaN, Double.NaN);
  }

  private final JdbcClient jdbc;
  private volatile Snapshot snapshot = Snapshot.UNKNOWN;
  private ScheduledExecutorService refresher;

  ReviewBacklog(JdbcClient jdbc, MeterRegistry registry) {
    this.jdbc = jdbc;
    Gauge.builder("paymentflow.reviews.pending", this, backlog -> backlog.snapshot.pending())
        .description("Quarantine rows waiting for an operator's decision")
        .register(registry);
    TimeGauge.builder(
            "paymentflow.reviews.oldest.pending.age",
            this,
            TimeUnit.SECONDS,
            backlog -> backlog.snapshot.oldestAgeSeconds())
        .description("How long the oldest quarantine row has waited for a decision")
        .register(registry);
  }

  /** Counts now; the refresher calls it, and tests may. */
  void refresh() {
    try {
      snapshot =
          jdbc.sql(PENDING)
              .query(
                  (row, n) ->
                      new Snapshot(
                          row.getLong("pending"), Math.max(0, row.getDouble("oldest_age"))))
              .single();
    } catch (RuntimeException e) {
      snapshot = Snapshot.UNKNOWN;
      log.debug("Could not count pending reviews: {}", e.toString());
    }
  }

  @Override
  public synchronized void start() {
    refresher =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "review-backlog");
              thread.setDaemon(true);
              return thread;
            });
    refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (refresher != null) {
      refresher.shutdownNow();
      refresher = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return refresher != null;
  }
}
