package io.paymentflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paymentflow.localrun.AppProcess;
import io.paymentflow.localrun.LocalSystem;
import io.paymentflow.systemtest.RunningSystem.SuiteSecrets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Security checks on the running apps. (SQL-looking input stored verbatim and oversized records
 * rejected by size before parsing are checked by {@link BadInputIT}.)
 */
@Order(8)
@ExtendWith(RunningSystem.class)
class SecurityIT {

  @Test
  /** And the bridge its re-drive, which runs a record's own workflow again and nothing else. */
  void actuatorExposesOnlyHealthInfoAndPrometheus(LocalSystem system) throws Exception {
    for (String app : LocalSystem.APPS) {
      int port = system.app(app).port();
      Set<String> links = new TreeSet<>();
      new ObjectMapper()
          .readTree(Metrics.get(port, "/actuator").body())
          .path("_links")
          .fieldNames()
          .forEachRemaining(links::add);
      links.removeIf(link -> link.startsWith("health"));
      List<String> expected =
          app.equals(LocalSystem.BRIDGE)
              ? List.of("self", "info", "prometheus", "redrive")
              : List.of("self", "info", "prometheus");
      assertThat(links)
          .as("%s actuator endpoints", app)
          .containsExactlyInAnyOrderElementsOf(expected);
      for (String hidden :
          List.of(
              "/actuator/env",
              "/actuator/configprops",
              "/actuator/heapdump",
              "/actuator/loggers",
              "/actuator/threaddump",
              "/actuator/beans",
              "/actuator/shutdown")) {
        assertThat(Metrics.get(port, hidden).statusCode()).as("%s %s", app, hidden).isEqualTo(404);
      }
    }
  }

  @Test
  void databasePasswordAppearsInNoLogAndNoMetric(LocalSystem system, SuiteSecrets secrets)
      throws Exception {
    assumeTrue(
        secrets.ownRole(),
        "no superuser access to create the suite's own PostgreSQL role with a random password:"
            + " skipping the secret-leak check");
    String password = secrets.postgresPassword();
    for (String app : LocalSystem.APPS) {
      AppProcess process = system.app(app);
      // Line by line: a log can be far larger than memory allows as one string.
      long lines;
      long leaks;
      try (Stream<String> log = Files.lines(process.logFile())) {
        long[] counts =
            log.mapToLong(line -> line.contains(password) ? 1 : 0)
                .collect(
                    () -> new long[2],
                    (c, leak) -> {
                      c[0]++;
                      c[1] += leak;
                    },
                    (c, d) -> {});
        lines = counts[0];
        leaks = counts[1];
      }
      assertThat(lines).as("%s log lines", app).isPositive();
      assertThat(leaks).as("%s log lines with the database password", app).isZero();
      assertThat(Metrics.scrape(process.port())).as("%s metrics", app).doesNotContain(password);
    }
  }
}
