package io.paymentflow.systemtest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paymentflow.localrun.LocalSystem;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 2: PostgreSQL stopped for 60 s mid-stream. Persistence must wait and complete, never
 * report success it did not have.
 */
@Order(2)
@ExtendWith(RunningSystem.class)
class DatabaseOutageIT {

  /** The Debian cluster the tests run against; {@code PAYMENTFLOW_PG_CLUSTER} overrides it. */
  private static final List<String> CLUSTER =
      List.of(System.getenv().getOrDefault("PAYMENTFLOW_PG_CLUSTER", "15 main").split(" "));

  @Test
  void databaseDownForSixtySecondsLosesAndDoublesNothing(LocalSystem system) throws Exception {
    assumeTrue(
        pgCtlCluster("status"),
        "cannot control the PostgreSQL cluster "
            + CLUSTER
            + " with pg_ctlcluster (needs Debian's postgresql-common and root): skipping the"
            + " database outage scenario");
    Scenario scenario = new Scenario("PostgreSQL stopped for 60 s mid-stream", system);
    scenario.run(
        200,
        40,
        Duration.ofMinutes(6),
        s -> {
          s.hold(Duration.ofSeconds(1));
          try {
            pgCtlCluster("stop", "-m", "fast");
            s.fault("PostgreSQL stopped");
            s.hold(Duration.ofSeconds(60));
          } finally {
            pgCtlCluster("start");
            s.fault("PostgreSQL started");
          }
        });
  }

  private static boolean pgCtlCluster(String action, String... options) {
    List<String> command = new java.util.ArrayList<>(List.of("pg_ctlcluster"));
    command.addAll(CLUSTER);
    command.add(action);
    command.addAll(List.of(options));
    try {
      Process process = new ProcessBuilder(command).inheritIO().start();
      return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
