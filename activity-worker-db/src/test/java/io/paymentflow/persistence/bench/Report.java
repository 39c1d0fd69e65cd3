package io.paymentflow.persistence.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Prints the run's setting and its two tables as Markdown. */
final class Report {

  private static String setting(JdbcClient jdbc, String name) {
    return jdbc.sql("SELECT current_setting(:name)")
        .param("name", name)
        .query(String.class)
        .single();
  }

  private Report() {}

  /** The date, checkout, machine, database and pool the numbers came from, and the method. */
  static void header(
      ConfigurableApplicationContext app,
      OffsetDateTime started,
      double loadBefore,
      String method) {
    HikariDataSource pool = app.getBean(HikariDataSource.class);
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    System.out.printf(
        "%n- persistPaymentEvent benchmark (activity-worker-db), %s UTC, git %s%n",
        started.toLocalDateTime(), Machine.revision());
    System.out.printf(
        "- machine: %d cores, load average (1 min) before %.2f, after %.2f%n",
        Machine.cores(), loadBefore, Machine.load());
    System.out.printf(
        "- PostgreSQL %s at %s, synchronous_commit=%s%n",
        setting(jdbc, "server_version"), pool.getJdbcUrl(), setting(jdbc, "synchronous_commit"));
    System.out.printf(
        "- Hikari pool '%s': maximum-pool-size %d (temporal-worker.max-concurrent-activities %s"
            + " + 1), minimum-idle %d%n",
        pool.getPoolName(),
        pool.getMaximumPoolSize(),
        app.getEnvironment().getProperty("temporal-worker.max-concurrent-activities"),
        pool.getMinimumIdle());
    System.out.println("- " + method);
  }

  static void table(String title, List<Measurement> rows) {
    System.out.printf("%n### %s%n%n", title);
    System.out.println(
        "| concurrency | rows | seconds | rows/s | p50 ms | p95 ms | p99 ms | pool wait mean ms |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Measurement m : rows) {
      System.out.printf(
          "| %d | %d | %.2f | %.0f | %.2f | %.2f | %.2f | %.2f |%n",
          m.concurrency(),
          m.rows(),
          m.seconds(),
          m.perSecond(),
          m.p50Millis(),
          m.p95Millis(),
          m.p99Millis(),
          m.poolWaitMillis());
    }
    for (Measurement m : rows) {
      if (m.failures() > 0) {
        System.out.printf(
            "%n**%d calls FAILED at concurrency %d** (stack trace on stderr)%n",
            m.failures(), m.concurrency());
      }
    }
  }
}
