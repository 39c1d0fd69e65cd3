package io.paymentflow.persistence.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.paymentflow.contracts.persistence.EnrichedPaymentEvent;
import io.paymentflow.contracts.persistence.PersistenceActivities;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test: rows/s of {@code persistPaymentEvent} under concurrency, against the real local
 * PostgreSQL (issue 7).
 *
 * <p>What runs: the database worker's own Spring context ({@link DbWorkerWithoutTemporal}: the
 * app's configuration, Hikari pool, Liquibase, JdbcClient, repository and metrics) without its
 * Temporal worker; threads call the activity bean's {@code persistPaymentEvent} directly. Temporal
 * is left out on purpose, to isolate the database side: in the app, the worker's slots
 * (temporal-worker.max-concurrent-activities, default 8) cap concurrency, and the pool has one
 * connection per slot plus one, so levels above 8 are more callers than the app would ever run on
 * that pool: they measure queueing for a connection, shown in the last column.
 *
 * <p>Method: warm-up (insert, then re-write, {@value #WARMUP_ROWS} rows at concurrency 8); then for
 * each concurrency level, an insert pass of new, distinct, fully enriched events, then a re-write
 * pass of the same events (ON CONFLICT DO UPDATE: what a replayed activity does). Each pass runs
 * the level's rows or stops at the cap, whichever comes first. Latency is per call, pool wait
 * included. Every id starts with a marker of this run; its rows are deleted at the end.
 *
 * <p>Run from the repository root with {@code ./benchmark-db}, or:
 *
 * <pre>
 * ./mvnw -B -q -pl activity-worker-db -am test-compile dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
 * java -cp activity-worker-db/target/test-classes:activity-worker-db/target/classes:$(cat \
 *     activity-worker-db/target/bench.classpath) \
 *     io.paymentflow.persistence.bench.PersistenceBenchmark [rows [seconds [--spring.args...]]]
 * </pre>
 *
 * Arguments: rows per level and pass (default 10000), the cap in seconds per pass (default 30),
 * then any app setting to try, e.g. {@code --temporal-worker.max-concurrent-activities=32}.
 */
public final class PersistenceBenchmark {

  private static final int[] CONCURRENCY = {1, 2, 4, 8, 16, 32};
  private static final int WARMUP_ROWS = 5_000;
  private static final int WARMUP_THREADS = 8;

  public static void main(String[] args) {
    int status = 0;
    try {
      run(args);
    } catch (Throwable e) {
      e.printStackTrace();
      status = 1;
    }
    System.exit(status);
  }

  private static void run(String[] args) throws InterruptedException {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    List<String> appArgs = Arrays.asList(args).subList(Math.min(2, args.length), args.length);
    OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    double loadBefore = Machine.load();
    // No LIKE wildcards (_ or %) in the marker: cleanup matches it as a prefix.
    String marker =
        "dbbench-"
            + started.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
            + "-"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000))
            + ":";
    try (ConfigurableApplicationContext app = DbWorkerWithoutTemporal.start(appArgs)) {
      HikariDataSource pool = app.getBean(HikariDataSource.class);
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      MeterRegistry meters = app.getBean(MeterRegistry.class);
      Pass pass =
          new Pass(
              app.getBean(PersistenceActivities.class),
              meters.find("hikaricp.connections.acquire").tag("pool", pool.getPoolName()).timer(),
              Duration.ofSeconds(seconds));
      double replaysBefore = replays(meters);
      try {
        List<EnrichedPaymentEvent> warmup = BenchEvents.batch(marker, "warmup", WARMUP_ROWS);
        int written = pass.run(warmup, WARMUP_THREADS).rows();
        int rewritten = pass.run(warmup.subList(0, written), WARMUP_THREADS).rows();
        List<Measurement> inserts = new ArrayList<>();
        List<Measurement> rewrites = new ArrayList<>();
        for (int threads : CONCURRENCY) {
          List<EnrichedPaymentEvent> events = BenchEvents.batch(marker, "c" + threads, rows);
          Measurement insert = pass.run(events, threads);
          Measurement rewrite = pass.run(events.subList(0, insert.rows()), threads);
          inserts.add(insert);
          rewrites.add(rewrite);
          written += insert.rows();
          rewritten += rewrite.rows();
          System.err.printf(
              "  concurrency %d: %.0f inserts/s, %.0f re-writes/s%n",
              threads, insert.perSecond(), rewrite.perSecond());
        }
        Report.header(
            app,
            started,
            loadBefore,
            String.format(
                "per level: %d rows or %d s per pass, whichever first; warm-up %d rows at"
                    + " concurrency %d; the activity called directly, no Temporal",
                rows, seconds, WARMUP_ROWS, WARMUP_THREADS));
        Report.table("Insert path: new event ids", inserts);
        Report.table("Re-write path: the same ids again (ON CONFLICT DO UPDATE)", rewrites);
        System.out.printf(
            "%nchecks: %d rows stored under the marker (expected %d);"
                + " persistence.duplicates +%.0f (expected %d)%n",
            count(jdbc, marker), written, replays(meters) - replaysBefore, rewritten);
      } finally {
        int deleted =
            jdbc.sql("DELETE FROM payment_events WHERE event_id LIKE :marker")
                .param("marker", marker + "%")
                .update();
        System.out.printf("cleanup: deleted %d rows with ids starting %s%n", deleted, marker);
      }
    }
  }

  /** Writes that found their row already there: every re-write should count. */
  private static double replays(MeterRegistry meters) {
    Counter counter =
        meters.find("persistence.duplicates").tag("table", "payment_events").counter();
    return counter == null ? 0 : counter.count();
  }

  private static int count(JdbcClient jdbc, String marker) {
    return jdbc.sql("SELECT count(*) FROM payment_events WHERE event_id LIKE :marker")
        .param("marker", marker + "%")
        .query(Integer.class)
        .single();
  }

  private PersistenceBenchmark() {}
}
