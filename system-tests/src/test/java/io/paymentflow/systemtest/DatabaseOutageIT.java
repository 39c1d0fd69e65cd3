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
    ServerSwitch server = ServerSwitch.of(system);
    assumeTrue(
        server != null,
        "the PostgreSQL server is neither embedded nor the Debian cluster "
            + CLUSTER
            + " that pg_ctlcluster controls (needs postgresql-common and root): skipping the"
            + " database outage scenario");
    Scenario scenario = new Scenario("PostgreSQL stopped for 60 s mid-stream", system);
    scenario.run(
        200,
        40,
        Duration.ofMinutes(6),
        s -> {
          s.hold(Duration.ofSeconds(1));
          try {
            server.stop();
            s.fault("PostgreSQL stopped");
            s.hold(Duration.ofSeconds(60));
          } finally {
            server.start();
            s.fault("PostgreSQL started");
          }
        });
  }

  /** Stops and starts the server the system writes to. */
  private interface ServerSwitch {
    void stop();

    void start();

    /** The embedded server when it is one, else the Debian cluster, else null. */
    static ServerSwitch of(LocalSystem system) {
      var embedded = system.postgres().embedded();
      if (embedded.isPresent()) {
        return new ServerSwitch() {
          @Override
          public void stop() {
            embedded.get().stop();
          }

          @Override
          public void start() {
            embedded.get().restart();
          }
        };
      }
      if (!pgCtlCluster("status")) {
        return null;
      }
      return new ServerSwitch() {
        @Override
        public void stop() {
          pgCtlCluster("stop", "-m", "fast");
        }

        @Override
        public void start() {
          pgCtlCluster("start");
        }
      };
    }
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
